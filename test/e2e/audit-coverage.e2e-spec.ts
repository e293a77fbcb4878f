import { expectAuditChainValid } from '../helpers/audit';
import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { putIntegration } from '../factories/integrations.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { startTestApp, type TestApp } from '../helpers/test-app';

interface AuditEntry {
  action: string;
  entityId: string | null;
  actorType: string | null;
  actorId: string | null;
  actorEmail: string | null;
  ip: string | null;
  data: { before?: unknown; after?: unknown };
}

/**
 * Walks every state-changing route that exists outside cases and actions (those have their own
 * suites) as an ADMIN, and checks that each change left an entry naming the actor, the state
 * before and after, and the client address, and that the chain verifies at the end.
 */
describe('Audit coverage of state-changing routes (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const bearer = { type: 'bearer' } as const;
  const admin = () => users.ADMIN;
  const as = <T extends { auth: (token: string, options: typeof bearer) => T }>(request: T): T =>
    request.auth(admin().token, bearer);

  const entry = async (action: string, entityId: string): Promise<AuditEntry> => {
    const response = await t
      .http()
      .get(`/audit?action=${action}&entityId=${encodeURIComponent(entityId)}`)
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    const items = response.body.items as AuditEntry[];
    expect(items).toHaveLength(1);
    return items[0];
  };

  const expectAudited = async (
    action: string,
    entityId: string,
    before: unknown,
    after: unknown,
  ): Promise<void> => {
    const found = await entry(action, entityId);
    expect(found).toMatchObject({
      actorType: 'user',
      actorId: admin().id,
      actorEmail: admin().email,
      ip: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$|^::1$/),
    });
    expect(found.data).toHaveProperty('before');
    expect(found.data).toHaveProperty('after');
    expect(found.data.before).toEqual(before);
    expect(found.data.after).toEqual(after);
  };

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  it('users: create and role change', async () => {
    const created = await as(t.http().post('/users'))
      .send({ email: 'walk@example.com', name: 'Walk', role: 'ANALYST' })
      .expect(201);
    const id = created.body.id as string;
    const fresh = { role: 'ANALYST', isActive: true, slackUserId: null };
    await expectAudited('user.created', id, null, fresh);
    await as(t.http().patch(`/users/${id}`))
      .send({ role: 'APPROVER' })
      .expect(200);
    await expectAudited('user.role_changed', id, fresh, { ...fresh, role: 'APPROVER' });
  });

  it('ingest keys: create and revoke', async () => {
    const key = await createIngestKey(t, admin().token, 'walk');
    await expectAudited('api_key.created', key.id, null, {
      name: 'walk-key',
      source: 'walk',
      signed: false,
    });
    await as(t.http().delete(`/api-keys/${key.id}`)).expect(204);
    const revoked = await entry('api_key.revoked', key.id);
    expect(revoked.data).toMatchObject({
      before: { name: 'walk-key', revokedAt: null },
      after: { name: 'walk-key', revokedAt: expect.any(String) },
    });
    await expectAudited('api_key.revoked', key.id, revoked.data.before, revoked.data.after);
  });

  it('allow-list: create and delete', async () => {
    const body = { type: 'ip', value: '198.51.100.7', reason: 'scanner we run' };
    const created = await as(t.http().post('/allowlist')).send(body).expect(201);
    const id = created.body.id as string;
    await expectAudited('allowlist_entry.created', id, null, body);
    await as(t.http().delete(`/allowlist/${id}`)).expect(204);
    await expectAudited('allowlist_entry.deleted', id, body, null);
  });

  it('assets: create, update and delete', async () => {
    const created = await as(t.http().post('/assets'))
      .send({ hostname: 'walk-db-01', criticality: 'HIGH' })
      .expect(201);
    const id = created.body.id as string;
    const first = await entry('asset.created', id);
    expect(first.data).toMatchObject({ before: null, after: { criticality: 'HIGH' } });
    await as(t.http().patch(`/assets/${id}`))
      .send({ criticality: 'CRITICAL' })
      .expect(200);
    const updated = await entry('asset.updated', id);
    expect(updated.data).toMatchObject({
      before: { criticality: 'HIGH' },
      after: { criticality: 'CRITICAL' },
    });
    await expectAudited('asset.updated', id, updated.data.before, updated.data.after);
    await as(t.http().delete(`/assets/${id}`)).expect(204);
    await expectAudited('asset.deleted', id, updated.data.after, null);
  });

  it('integrations: an update names secrets, never their values', async () => {
    await putIntegration(t, admin().token, 'abuseipdb', {
      enabled: false,
      settings: { apiKey: 'walk-secret-value', timeoutMs: 1234 },
    });
    await expectAudited('integration.updated', 'abuseipdb', null, {
      enabled: false,
      settings: { timeoutMs: 1234 },
      secrets: ['apiKey'],
    });
    await putIntegration(t, admin().token, 'abuseipdb', { enabled: false });
    const second = await t
      .http()
      .get('/audit?action=integration.updated&entityId=abuseipdb')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(second.body.items[0].data.before).toEqual({
      enabled: false,
      settings: { timeoutMs: 1234 },
      secrets: ['apiKey'],
    });
    expect(JSON.stringify(second.body)).not.toContain('walk-secret-value');
  });

  it('alerts: triage', async () => {
    const key = await createIngestKey(t, admin().token, 'wazuh');
    const ingested = await t
      .http()
      .post('/alerts/webhook/wazuh')
      .set('x-api-key', key.key)
      .send(wazuhAlert())
      .expect(202);
    const alertId = ingested.body.alertId as string;
    await as(t.http().patch(`/alerts/${alertId}`))
      .send({ status: 'FALSE_POSITIVE', reason: 'walk' })
      .expect(200);
    await expectAudited(
      'alert.status_changed',
      alertId,
      { status: 'NEW', closedReason: null },
      { status: 'FALSE_POSITIVE', closedReason: 'walk' },
    );
  });

  it('keeps the chain valid across every flow', async () => {
    const verify = await expectAuditChainValid(t, users.AUDITOR.token);
    expect(verify.checked).toBeGreaterThan(10);
  });
});
