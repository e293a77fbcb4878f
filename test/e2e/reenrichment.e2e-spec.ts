import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { VirusTotalFake } from '../fakes/virustotal.fake';
import { waitForProcessed, type AlertView } from '../helpers/alerts';
import { waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';

const FLAKY_IP = '198.51.100.99';
const VT_KEY = `ip_addresses/${FLAKY_IP}`;

describe('Partial enrichment and re-enrichment (e2e)', () => {
  let t: TestApp;
  let vt: VirusTotalFake;
  let users: RoleTokens;
  let key: string;
  const bearer = { type: 'bearer' } as const;

  beforeAll(async () => {
    vt = await new VirusTotalFake().start();
    vt.setObject(VT_KEY, { malicious: 12, harmless: 40 });
    vt.answer(VT_KEY, 'server_error');
    t = await startTestApp({
      WORKERS: '1',
      VT_API_KEY: vt.apiKey,
      VT_BASE_URL: vt.url,
      MOCK_ENRICHMENT: 'false',
      REENRICH_DELAY_SECONDS: '1',
    });
    users = await createRoleUsers(t);
    key = (await createIngestKey(t, users.ADMIN.token)).key;
    // One attempt per lookup and no rate limit: this test is about rounds, not waits.
    await t
      .http()
      .put('/integrations/virustotal')
      .auth(users.ADMIN.token, bearer)
      .send({
        enabled: true,
        settings: {
          resilience: {
            retry: { maxRetries: 0 },
            rateLimit: { capacity: 100, refillTokens: 100, refillIntervalMs: 1000 },
          },
        },
      })
      .expect(200);
  });
  afterAll(async () => {
    await t.close();
    await vt.stop();
  });

  it('keeps a low alert open while VirusTotal fails, then re-enriches it and raises the score', async () => {
    const { alertId } = (
      await t
        .http()
        .post('/alerts/webhook/wazuh')
        .set('x-api-key', key)
        .send(
          wazuhAlert({
            id: 'flaky-1',
            rule: { level: 3, id: '5502', description: 'Connection from a new address' },
            data: { srcip: FLAKY_IP },
          }),
        )
        .expect(202)
    ).body as { alertId: string };

    const first = await waitForProcessed(t, users.ANALYST.token, alertId);
    // Missing intel is not a clean bill of health: a low score alone does not close it.
    expect(first).toMatchObject({ enrichmentPartial: true, autoClosed: false, status: 'NEW' });
    expect(vt.requestsFor(VT_KEY)).toBeGreaterThanOrEqual(1);

    vt.answer(VT_KEY, 'ok');
    const later = await waitFor('the alert to be re-enriched', async () => {
      const { body } = await t.http().get(`/alerts/${alertId}`).auth(users.ANALYST.token, bearer);
      return (body as AlertView).enrichmentPartial === false ? (body as AlertView) : undefined;
    });
    const verdicts = later.observables.find((o) => o.value === FLAKY_IP)?.enrichments;
    expect(verdicts).toEqual([
      expect.objectContaining({ provider: 'virustotal', verdict: 'malicious' }),
    ]);
    expect(later.riskScore).toBeGreaterThan(first.riskScore ?? 0);
    expect(later.status).toBe('NEW');
  });
});
