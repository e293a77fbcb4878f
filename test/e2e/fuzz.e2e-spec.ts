import { createRoleUsers, signup, type RoleTokens } from '../factories/users.factory';
import {
  buildFuzzRequests,
  listOperations,
  type FuzzCaller,
  type FuzzRequest,
  type FuzzSeeds,
  type OpenApiDocument,
} from '../helpers/openapi-fuzz';
import { startTestApp, type TestApp } from '../helpers/test-app';

const bearer = { type: 'bearer' } as const;
const UNREACHABLE = 'http://127.0.0.1:9';

/** Real records for id parameters, so requests reach past the "not found" checks. */
async function seed(t: TestApp, users: RoleTokens): Promise<{ seeds: FuzzSeeds; apiKey: string }> {
  const admin = (path: string, body: object) =>
    t.http().post(path).auth(users.ADMIN.token, bearer).send(body);
  // The fuzzing callers' own ids are never used, so no request can lock them out.
  const victim = await signup(t, 'fuzz-victim@example.com');
  const callerKey = (await admin('/api-keys', { name: 'fuzz-caller', source: 'fuzz' }).expect(201))
    .body.key as string;
  const targetKey = (await admin('/api-keys', { name: 'fuzz-target', source: 'fuzz' }).expect(201))
    .body.id as string;
  const ingested = (
    await t
      .http()
      .post('/alerts/webhook')
      .auth(users.ANALYST.token, bearer)
      .send({ title: 'fuzz seed', src_ip: '203.0.113.9', domain: 'seed.example' })
      .expect(202)
  ).body as { alertId: string; jobId: string };
  const allowlisted = (
    await admin('/allowlist', { type: 'ip', value: '192.0.2.77', reason: 'fuzz' }).expect(201)
  ).body.id as string;
  const asset = (await admin('/assets', { hostname: 'fuzz-host', criticality: 'LOW' }).expect(201))
    .body.id as string;
  const kase = (
    await admin('/cases', { title: 'fuzz seed', alertIds: [ingested.alertId] }).expect(201)
  ).body.id as string;
  // One action waiting for approval, so approve/reject/execute/retry reach their state checks.
  const action = (
    await admin(`/cases/${kase}/actions`, {
      actionType: 'ISOLATE_HOST',
      target: 'fuzz-host',
      reason: 'fuzz seed',
    }).expect(201)
  ).body.id as string;
  // A playbook with a version, a trigger condition and templated steps, so its routes reach
  // validation, versions, rollback, export and replay.
  const playbook = (
    await admin('/playbooks', {
      name: 'fuzz seed',
      trigger: { severities: ['HIGH'], condition: { field: 'riskScore', op: 'gte', value: 1 } },
      steps: [
        { id: 'note', action: 'add_note', params: { note: '{{alert.title}}' } },
        { id: 'block', action: 'block_ip', params: { target: '{{alert.normalized.srcIp}}' } },
      ],
    }).expect(201)
  ).body.id as string;
  // A dry run of it, so the run routes reach past their 404 (retry reaches its state check).
  const run = (
    await admin(`/playbooks/${playbook}/run`, { caseId: kase, dryRun: true }).expect(201)
  ).body.id as string;
  const idsBySegment: Record<string, string[]> = {
    'playbook-runs': [run],
    cases: [kase],
    actions: [action],
    users: [victim.id],
    'api-keys': [targetKey],
    alerts: [ingested.alertId],
    jobs: [ingested.jobId],
    allowlist: [allowlisted],
    assets: [asset],
    playbooks: [playbook],
  };
  return {
    seeds: { idsBySegment, allIds: Object.values(idsBySegment).flat() },
    apiKey: callerKey,
  };
}

function credentials(
  caller: FuzzCaller,
  users: RoleTokens,
  apiKey: string,
): Record<string, string> {
  if (caller === 'ANONYMOUS') return {};
  if (caller === 'API_KEY') return { 'x-api-key': apiKey };
  return { authorization: `Bearer ${users[caller].token}` };
}

const describeRequest = (request: FuzzRequest, status: number, body: string) =>
  `${status} ${request.method} ${request.url.slice(0, 300)} as ${request.caller} (${request.label})` +
  ` content-type=${request.headers['content-type'] ?? '-'} body=${(request.payload ?? '').slice(0, 300)}` +
  ` -> ${body.slice(0, 300)}`;

describe('HTTP fuzz from the OpenAPI document (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;

  beforeAll(async () => {
    // Vendors point at a closed local port: connectivity tests and settings never leave the host.
    t = await startTestApp({
      VT_BASE_URL: UNREACHABLE,
      ABUSEIPDB_BASE_URL: UNREACHABLE,
      OTX_BASE_URL: UNREACHABLE,
      RDAP_BASE_URL: UNREACHABLE,
      RDAP_BOOTSTRAP: UNREACHABLE,
    });
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  it('answers no hostile request on any route, method or role with a 5xx', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body as OpenApiDocument;
    const { seeds, apiKey } = await seed(t, users);
    const requests = buildFuzzRequests(doc, seeds);
    expect(listOperations(doc).length).toBeGreaterThan(20);
    expect(requests.length).toBeLessThan(8000);

    const fastify = t.app.getHttpAdapter().getInstance();
    const failures: string[] = [];
    for (const request of requests) {
      const response = await fastify.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: { ...credentials(request.caller, users, apiKey), ...request.headers },
        payload: request.payload,
      });
      if (response.statusCode >= 500) {
        failures.push(describeRequest(request, response.statusCode, response.body));
      }
    }
    expect(failures).toEqual([]);

    // The run stayed meaningful: the fuzzing admin was never locked out.
    await t.http().get('/auth/me').auth(users.ADMIN.token, bearer).expect(200);
    const verify = await t.http().get('/audit/verify').auth(users.ADMIN.token, bearer).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
  }, 240_000);
});
