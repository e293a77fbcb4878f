import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { VirusTotalFake } from '../fakes/virustotal.fake';
import { waitForProcessed } from '../helpers/alerts';
import { startTestApp, type TestApp } from '../helpers/test-app';

const MALICIOUS_IP = '203.0.113.66';
const CLEAN_IP = '198.51.100.20';
const ALLOWED_IP = '192.0.2.44';

describe('Alert pipeline through the webhook (e2e)', () => {
  let t: TestApp;
  let vt: VirusTotalFake;
  let users: RoleTokens;
  let key: string;
  const bearer = { type: 'bearer' } as const;

  const ingest = async (body: object, connector = 'wazuh') =>
    (
      (
        await t
          .http()
          .post(`/alerts/webhook/${connector}`)
          .set('x-api-key', key)
          .send(body)
          .expect(202)
      ).body as { alertId: string }
    ).alertId;
  const processed = (alertId: string) => waitForProcessed(t, users.ANALYST.token, alertId);

  beforeAll(async () => {
    vt = await new VirusTotalFake().start();
    vt.setObject(`ip_addresses/${MALICIOUS_IP}`, { malicious: 14, harmless: 40 });
    vt.setObject(`ip_addresses/${CLEAN_IP}`, { malicious: 0, harmless: 70 });
    t = await startTestApp({
      WORKERS: '2',
      VT_API_KEY: vt.apiKey,
      VT_BASE_URL: vt.url,
      MOCK_ENRICHMENT: 'false',
    });
    users = await createRoleUsers(t);
    key = (await createIngestKey(t, users.ADMIN.token)).key;
  });
  afterAll(async () => {
    await t.close();
    await vt.stop();
  });

  it('auto-closes low-risk noise with the reason and the score breakdown', async () => {
    const alert = await processed(
      await ingest(
        wazuhAlert({
          id: 'noise-1',
          rule: { level: 3, id: '5501', description: 'PAM: Login session opened.' },
          data: { srcip: '10.0.1.9', srcuser: 'backup' },
          full_log: 'session opened for user backup',
        }),
      ),
    );
    expect(alert).toMatchObject({
      state: 'PROCESSED',
      status: 'CLOSED',
      autoClosed: true,
      caseId: null,
    });
    expect(alert.riskScore).toBeLessThan(30);
    expect(alert.closedReason).toMatch(/below the auto-close threshold/);
    expect(alert.scoreBreakdown?.map((entry) => entry.factor)).toContain('source_severity');
    expect(alert.scoreBreakdown?.reduce((sum, entry) => sum + entry.points, 0)).toBe(
      alert.riskScore,
    );
    const audit = await t
      .http()
      .get(`/audit?entityId=${alert.id}`)
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(audit.body.items).toEqual([
      expect.objectContaining({
        action: 'alert.auto_closed',
        actorType: 'system',
        actorLabel: 'alert-pipeline',
        ip: null,
        data: {
          before: { status: 'NEW' },
          after: {
            status: 'CLOSED',
            autoClosed: true,
            reason: alert.closedReason,
            riskScore: alert.riskScore,
            severity: alert.severity,
          },
        },
      }),
    ]);
  });

  it('opens a case for a critical alert with malicious intel, with verdicts on the observables', async () => {
    const alert = await processed(
      await ingest(
        wazuhAlert({
          id: 'critical-1',
          rule: { level: 15, id: '100200', description: 'Outbound C2 beacon' },
          data: { srcip: MALICIOUS_IP },
        }),
      ),
    );
    expect(alert).toMatchObject({
      severity: 'CRITICAL',
      status: 'NEW',
      autoClosed: false,
      caseId: expect.any(String),
    });
    const observable = alert.observables.find((o) => o.value === MALICIOUS_IP);
    expect(observable?.enrichments).toEqual([
      expect.objectContaining({ provider: 'virustotal', verdict: 'malicious', mock: false }),
    ]);
    expect(alert.scoreBreakdown?.map((entry) => entry.reason)).toEqual(
      expect.arrayContaining([
        `VirusTotal: 14 engines flag ${MALICIOUS_IP} as malicious (strong evidence)`,
      ]),
    );
    const kase = await t.prisma.case.findUniqueOrThrow({
      where: { id: alert.caseId! },
      include: { events: true },
    });
    expect(kase).toMatchObject({ severity: 'CRITICAL', status: 'NEW' });
    expect(kase.events.map((event) => event.type).sort()).toEqual(['ALERT_LINKED', 'CREATED']);
  });

  it('auto-closes more than 30% of a labelled false-positive mix and no true positive', async () => {
    const wazuh = (id: string, level: number, description: string, srcip?: string) =>
      ingest(wazuhAlert({ id, rule: { level, id, description }, data: srcip ? { srcip } : {} }));
    const generic = (title: string, severity: string, srcIp: string) =>
      ingest({ title, severity, src_ip: srcIp, rule: title }, 'generic');
    const falsePositives = await Promise.all([
      wazuh('fp-501', 3, 'PAM: Login session opened.', '10.0.1.9'),
      wazuh('fp-502', 2, 'Ossec agent started.'),
      wazuh('fp-503', 5, 'sshd: authentication success.', CLEAN_IP),
      wazuh('fp-504', 4, 'Windows logon success.', '10.0.2.3'),
      wazuh('fp-505', 7, 'Multiple authentication failures.', '10.0.0.5'),
      generic('Scheduled vulnerability scan finished', 'low', CLEAN_IP),
      generic('Port scan from the internal scanner', 'medium', '10.0.3.4'),
      generic('Backup job completed with warnings', 'informational', '10.0.4.4'),
    ]);
    const truePositives = await Promise.all([
      wazuh('tp-601', 12, 'Outbound connection to a C2 server', MALICIOUS_IP),
      wazuh('tp-602', 5, 'Firewall drop from a known scanner', MALICIOUS_IP),
      generic('Beacon to a known botnet host', 'high', MALICIOUS_IP),
    ]);
    const closed = async (ids: string[]) =>
      (await Promise.all(ids.map(processed))).filter((alert) => alert.autoClosed).length;

    const closedFalsePositives = await closed(falsePositives);
    expect(closedFalsePositives / falsePositives.length).toBeGreaterThan(0.3);
    expect(await closed(truePositives)).toBe(0);
  });

  it('stores a vendor answer holding characters PostgreSQL cannot, instead of failing the alert', async () => {
    const oddIp = '203.0.113.77';
    vt.setObject(`ip_addresses/${oddIp}`, { malicious: 9 }, { as_owner: 'Odd\u0000Net \ud800' });
    const alert = await processed(
      await ingest(
        wazuhAlert({ id: 'odd-vendor', rule: { level: 8, id: '86601' }, data: { srcip: oddIp } }),
      ),
    );
    expect(alert.state).toBe('PROCESSED');
    const [stored] = await t.prisma.enrichmentResult.findMany({
      where: { observable: { alertId: alert.id, value: oddIp } },
    });
    expect(stored.verdict).toBe('MALICIOUS');
    expect(JSON.stringify(stored.raw)).toContain('Odd\ufffdNet \ufffd');
  });

  it('makes no second threat-intel call for an indicator already enriched', async () => {
    const before = vt.requestsFor(`ip_addresses/${MALICIOUS_IP}`);
    const alert = await processed(
      await ingest(
        wazuhAlert({
          id: 'repeat-ioc',
          rule: { level: 12, id: '100201', description: 'Another rule, same attacker' },
          data: { srcip: MALICIOUS_IP, srcuser: 'other' },
        }),
      ),
    );
    expect(alert.observables.find((o) => o.value === MALICIOUS_IP)?.enrichments[0]).toMatchObject({
      verdict: 'malicious',
    });
    expect(vt.requestsFor(`ip_addresses/${MALICIOUS_IP}`)).toBe(before);
  });

  it('folds repeats into one alert with occurrences and one case', async () => {
    const body = wazuhAlert({
      id: 'flood',
      rule: { level: 13, id: '100300', description: 'Repeated exploit attempt' },
      data: { srcip: MALICIOUS_IP, srcuser: 'www-data' },
    });
    const first = await processed(await ingest(body));
    const repeats = [];
    for (let i = 0; i < 3; i++)
      repeats.push(await processed(await ingest({ ...body, id: `flood-${i}` })));
    expect(repeats.every((repeat) => repeat.duplicateOfId === first.id)).toBe(true);
    const original = await processed(first.id);
    expect(original.occurrences).toBe(4);
    const listed = await t
      .http()
      .get('/alerts?q=Repeated exploit')
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect(listed.body.total).toBe(1);
    const withRepeats = await t
      .http()
      .get('/alerts?q=Repeated exploit&includeDuplicates=true')
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect(withRepeats.body.total).toBe(4);
    expect(await t.prisma.case.count({ where: { alerts: { some: { id: first.id } } } })).toBe(1);
  });

  it('never sends internal or allow-listed indicators to a provider', async () => {
    await t
      .http()
      .post('/allowlist')
      .auth(users.ADMIN.token, bearer)
      .send({ type: 'ip', value: ALLOWED_IP, reason: 'our scanner' })
      .expect(201);
    const alert = await processed(
      await ingest(
        wazuhAlert({
          id: 'allowed',
          data: { srcip: ALLOWED_IP },
          full_log: `scan from ${ALLOWED_IP} to 10.9.8.7`,
        }),
      ),
    );
    expect(alert.observables.find((o) => o.value === ALLOWED_IP)).toMatchObject({
      allowlisted: true,
      enrichments: [],
    });
    expect(alert.observables.find((o) => o.value === '10.9.8.7')).toMatchObject({
      internal: true,
      enrichments: [],
    });
    expect(vt.requestsFor(`ip_addresses/${ALLOWED_IP}`)).toBe(0);
    expect(vt.requestsFor('ip_addresses/10.9.8.7')).toBe(0);
  });

  it('finds alerts by indicator, severity, status and text, and reports sightings', async () => {
    const auth = (path: string) => t.http().get(path).auth(users.AUDITOR.token, bearer).expect(200);
    const byIp = await auth(`/alerts?ip=${MALICIOUS_IP}`);
    expect(byIp.body.total).toBeGreaterThanOrEqual(3);
    expect(
      (await auth('/alerts?severity=critical')).body.items.every(
        (a: { severity: string }) => a.severity === 'CRITICAL',
      ),
    ).toBe(true);
    expect(
      (await auth('/alerts?status=CLOSED')).body.items.every(
        (a: { status: string }) => a.status === 'CLOSED',
      ),
    ).toBe(true);
    expect((await auth('/alerts?ip=198.18.0.1')).body.total).toBe(0);
    await t.http().get('/alerts?severity=urgent').auth(users.AUDITOR.token, bearer).expect(400);
    await t.http().get('/alerts?from=yesterday').auth(users.AUDITOR.token, bearer).expect(400);

    const sightings = await auth(`/observables?value=${MALICIOUS_IP}`);
    expect(sightings.body.items).toEqual([
      expect.objectContaining({
        type: 'ipv4',
        value: MALICIOUS_IP,
        stixType: 'ipv4-addr',
        alertCount: expect.any(Number),
      }),
    ]);
    expect(sightings.body.items[0].latestVerdicts).toEqual([
      expect.objectContaining({ provider: 'virustotal', verdict: 'malicious' }),
    ]);
    expect(sightings.body.items[0].alerts.length).toBeGreaterThanOrEqual(3);
  });

  it('lets an ANALYST triage and records it in the audit log', async () => {
    const alertId = await ingest(
      wazuhAlert({
        id: 'triage',
        rule: { level: 8, id: '31101', description: 'Web 400 burst' },
        data: { srcip: CLEAN_IP },
      }),
    );
    await processed(alertId);
    const patched = await t
      .http()
      .patch(`/alerts/${alertId}`)
      .auth(users.ANALYST.token, bearer)
      .send({ status: 'FALSE_POSITIVE', reason: 'load test' })
      .expect(200);
    expect(patched.body.status).toBe('FALSE_POSITIVE');
    await t
      .http()
      .patch(`/alerts/${alertId}`)
      .auth(users.AUDITOR.token, bearer)
      .send({ status: 'NEW' })
      .expect(403);
    await t
      .http()
      .patch(`/alerts/${alertId}`)
      .auth(users.ANALYST.token, bearer)
      .send({ status: 'DONE' })
      .expect(400);
    await t
      .http()
      .patch(`/alerts/${alertId}`)
      .auth(users.ANALYST.token, bearer)
      .send({ status: 'NEW', extra: 1 })
      .expect(400);
    const audit = await t
      .http()
      .get(`/audit?entityId=${alertId}`)
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'alert.status_changed',
      actorType: 'user',
      data: {
        before: { status: 'NEW', closedReason: null },
        after: { status: 'FALSE_POSITIVE', closedReason: 'load test' },
      },
    });
  });

  it('runs every simulation scenario through the real pipeline', async () => {
    for (const scenario of [
      'guardduty-portscan',
      'o365-impossible-travel',
      'edr-malware',
      'vpn-bruteforce',
      'phishing',
    ]) {
      const response = await t
        .http()
        .post(`/sim/${scenario}`)
        .auth(users.ADMIN.token, bearer)
        .expect(202);
      expect(response.body.alerts.length).toBeGreaterThan(0);
      for (const receipt of response.body.alerts as { alertId: string }[]) {
        expect((await processed(receipt.alertId)).state).toBe('PROCESSED');
      }
    }
    await t.http().post('/sim/unknown').auth(users.ADMIN.token, bearer).expect(404);
    await t.http().post('/sim/phishing').auth(users.ANALYST.token, bearer).expect(403);
  });
});
