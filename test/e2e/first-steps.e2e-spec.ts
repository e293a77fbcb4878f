import { expectAuditChainValid } from '../helpers/audit';
import type { Environment } from '../../src/config/app-config';
import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { startTestApp, type TestApp } from '../helpers/test-app';

const bearer = { type: 'bearer' } as const;

describe("A newcomer's first steps (e2e)", () => {
  let t: TestApp;
  let users: RoleTokens;

  beforeAll(async () => {
    t = await startTestApp({ WORKERS: '1' });
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  it('answers GET / with where to go, without a token', async () => {
    const response = await t.http().get('/').expect(200);
    expect(response.body).toEqual({
      name: 'Mini-SOAR',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      docs: '/docs',
      openapi: '/docs-json',
      health: '/health',
      signup: '/auth/signup',
    });
    await t.http().get(response.body.docs).expect(200);
  });

  it('reads an alert once it is processed with ?wait=, in one request', async () => {
    const { key } = await createIngestKey(t, users.ADMIN.token);
    const ingested = await t
      .http()
      .post('/alerts/webhook/wazuh')
      .set('x-api-key', key)
      .send(wazuhAlert({ id: 'first-steps' }))
      .expect(202);
    // Generous: the answer comes as soon as the worker is done.
    const alert = await t
      .http()
      .get(`/alerts/${ingested.body.alertId}?wait=30`)
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect(alert.body).toMatchObject({ state: 'PROCESSED', severity: expect.any(String) });
    expect(alert.body.riskScore).toEqual(expect.any(Number));
  });

  it('answers with the current state when the wait is over', async () => {
    // Stored without a job: nothing will process it while the test runs.
    const pending = await t.prisma.alert.create({
      data: { source: 'wazuh', connector: 'wazuh', rawPayload: {} },
    });
    const alert = await t
      .http()
      .get(`/alerts/${pending.id}?wait=1`)
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect(alert.body.state).toBe('RECEIVED');
    await t
      .http()
      .get(`/alerts/00000000-0000-4000-8000-000000000000?wait=1`)
      .auth(users.ANALYST.token, bearer)
      .expect(404);
  });

  it.each(['31', '-1', 'soon', '1.5'])('refuses ?wait=%s with 400', async (wait) => {
    const alert = await t.prisma.alert.findFirstOrThrow();
    await t
      .http()
      .get(`/alerts/${alert.id}?wait=${wait}`)
      .auth(users.ANALYST.token, bearer)
      .expect(400);
  });

  it('documents ?wait= in OpenAPI', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    expect(doc.paths['/alerts/{id}'].get.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'wait',
          in: 'query',
          schema: expect.objectContaining({ minimum: 0, maximum: 30 }),
        }),
      ]),
    );
    expect(doc.paths['/'].get).toBeDefined();
  });

  it('sends neither HSTS nor upgrade-insecure-requests over plain HTTP, whatever a client claims', async () => {
    for (const request of [
      t.http().get('/docs'),
      t.http().get('/').set('x-forwarded-proto', 'https'),
    ]) {
      const response = await request.expect(200);
      expect(response.headers).not.toHaveProperty('strict-transport-security');
      expect(response.headers['content-security-policy']).toContain("default-src 'self'");
      expect(response.headers['content-security-policy']).not.toContain(
        'upgrade-insecure-requests',
      );
    }
  });

  it('leaves the audit chain valid', async () => {
    await expectAuditChainValid(t, users.AUDITOR.token);
  });
});

describe.each<[string, Environment, Record<string, string>]>([
  ['behind a TLS proxy (TRUST_PROXY)', { TRUST_PROXY: 'true' }, { 'x-forwarded-proto': 'https' }],
  ['with FORCE_HSTS', { FORCE_HSTS: 'true' }, {}],
])('Security headers %s (e2e)', (_name, environment, headers) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(environment);
  });
  afterAll(() => t.close());

  it('sends HSTS and upgrade-insecure-requests', async () => {
    const response = await t.http().get('/docs').set(headers).expect(200);
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  it('still leaves them out of a plain request unless forced', async () => {
    const response = await t.http().get('/').expect(200);
    const forced = environment.FORCE_HSTS === 'true';
    expect('strict-transport-security' in response.headers).toBe(forced);
    expect(response.headers['content-security-policy'].includes('upgrade-insecure-requests')).toBe(
      forced,
    );
  });
});
