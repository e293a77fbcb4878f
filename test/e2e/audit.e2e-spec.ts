import { createRoleUsers, login, type RoleTokens } from '../factories/users.factory';
import { runSql } from '../helpers/sql';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('Audit log (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const bearer = { type: 'bearer' } as const;

  const verify = async () =>
    (await t.http().get('/audit/verify').auth(users.AUDITOR.token, bearer).expect(200)).body as {
      valid: boolean;
      checked: number;
      firstBrokenId?: string;
    };
  const entries = () =>
    runSql<{ id: string; seq: string }>(
      t.databaseUrl,
      'SELECT id, seq FROM audit_log ORDER BY seq',
    );

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
    await login(t, 'analyst@example.com');
    await t
      .http()
      .post('/auth/login')
      .send({ email: 'analyst@example.com', password: 'nope-nope-nope' })
      .expect(401);
  });
  afterAll(() => t.close());

  it('lets ADMIN and AUDITOR read the log, newest first, with filters', async () => {
    const all = await t.http().get('/audit').auth(users.ADMIN.token, bearer).expect(200);
    expect(all.body.total).toBeGreaterThan(5);
    const seqs = all.body.items.map((entry: { seq: number }) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const failed = await t
      .http()
      .get('/audit?action=auth.login_failed')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0]).toMatchObject({
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: users.ANALYST.id,
    });

    const byActor = await t
      .http()
      .get(`/audit?actorId=${users.ADMIN.id}&entityType=user`)
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === users.ADMIN.id)).toBe(
      true,
    );

    const future = await t
      .http()
      .get('/audit?from=2999-01-01T00:00:00Z')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(future.body.total).toBe(0);
    await t.http().get('/audit?from=yesterday').auth(users.AUDITOR.token, bearer).expect(400);
  });

  it('is closed to ANALYST and APPROVER', async () => {
    await t.http().get('/audit').auth(users.ANALYST.token, bearer).expect(403);
    await t.http().get('/audit/verify').auth(users.APPROVER.token, bearer).expect(403);
  });

  it('verifies as valid after normal use', async () => {
    const result = await verify();
    expect(result).toEqual({ valid: true, checked: (await entries()).length });
  });

  it('reports an entry altered with SQL as the first broken one', async () => {
    const rows = await entries();
    const target = rows[2];
    await runSql(
      t.databaseUrl,
      `UPDATE audit_log SET data = '{"role":"ADMIN","forged":true}' WHERE id = $1`,
      [target.id],
    );
    expect(await verify()).toMatchObject({ valid: false, firstBrokenId: target.id, checked: 3 });
  });
});

describe('Audit log deletions (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const bearer = { type: 'bearer' } as const;

  beforeEach(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterEach(() => t.close());

  const verify = async () =>
    (await t.http().get('/audit/verify').auth(users.ADMIN.token, bearer).expect(200)).body;
  const ids = async () =>
    (await runSql<{ id: string }>(t.databaseUrl, 'SELECT id FROM audit_log ORDER BY seq')).map(
      (r) => r.id,
    );

  it('reports the entry after a row deleted from the middle', async () => {
    const before = await ids();
    await runSql(t.databaseUrl, 'DELETE FROM audit_log WHERE id = $1', [before[1]]);
    expect(await verify()).toMatchObject({ valid: false, firstBrokenId: before[2] });
  });

  it('reports a deleted newest entry', async () => {
    const before = await ids();
    const newest = before[before.length - 1];
    await runSql(t.databaseUrl, 'DELETE FROM audit_log WHERE id = $1', [newest]);
    expect(await verify()).toMatchObject({ valid: false, firstBrokenId: newest });
  });

  it('stays broken after new entries are appended on top of a deletion', async () => {
    const before = await ids();
    await runSql(t.databaseUrl, 'DELETE FROM audit_log WHERE id = $1', [before[before.length - 1]]);
    await login(t, 'admin@example.com');
    expect((await verify()).valid).toBe(false);
  });
});
