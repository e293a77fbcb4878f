import { AllowlistService } from '../../src/modules/allowlist/allowlist.service';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { MISSING_ID } from '../helpers/authorization-matrix';
import { startTestApp, type TestApp } from '../helpers/test-app';

interface EntryBody {
  id: string;
  type: string;
  value: string;
  reason: string;
  createdById: string;
}

describe('Allowlist (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const bearer = { type: 'bearer' } as const;

  const create = (body: object, token = users.ADMIN.token) =>
    t.http().post('/allowlist').auth(token, bearer).send(body);
  const service = () => t.app.get(AllowlistService);

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  it.each([
    ['ip', '2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['cidr', '10.1.2.3/8', '10.0.0.0/8'],
    ['domain', 'Example.ORG.', 'example.org'],
    ['url', 'HTTPS://Updates.Example.net:443/Feed', 'https://updates.example.net/Feed'],
    ['hash', 'ABCDEF0123456789ABCDEF0123456789', 'abcdef0123456789abcdef0123456789'],
  ])('lets ADMIN allow-list a %s, stored in canonical form', async (type, value, stored) => {
    const response = await create({ type, value, reason: '  known good  ' }).expect(201);
    expect(response.body).toMatchObject({
      type,
      value: stored,
      reason: 'known good',
      createdById: users.ADMIN.id,
    });
    expect(Object.keys(response.body).sort()).toEqual(
      ['createdAt', 'createdById', 'id', 'reason', 'type', 'value'].sort(),
    );
  });

  it.each([
    [{ type: 'ip', value: '999.1.1.1', reason: 'r' }, /IPv4 or IPv6/],
    [{ type: 'cidr', value: '0.0.0.0/0', reason: 'r' }, /too broad/],
    [{ type: 'cidr', value: '10.0.0.1', reason: 'r' }, /CIDR/],
    [{ type: 'domain', value: 'co.uk', reason: 'r' }, /public suffix/],
    [{ type: 'url', value: 'javascript:alert(1)', reason: 'r' }, /http\(s\) URL/],
    [{ type: 'hash', value: 'xyz', reason: 'r' }, /MD5, SHA-1 or SHA-256/],
    [{ type: 'email', value: 'a@b.example', reason: 'r' }, /type must be one of ip, cidr/],
    [{ type: 'ip', value: '192.0.2.1' }, /reason/],
    [{ type: 'ip', value: '', reason: 'r' }, /value should not be empty/],
    [{ type: 'ip', value: '192.0.2.1', reason: 'r', expires: 'never' }, /expires should not exist/],
  ])('refuses %j with 400 saying why', async (body, message) => {
    const response = await create(body).expect(400);
    expect(JSON.stringify(response.body.message)).toMatch(message);
  });

  it('answers 409 for a value already listed in another spelling', async () => {
    const response = await create({ type: 'domain', value: 'EXAMPLE.org', reason: 'again' }).expect(
      409,
    );
    expect(response.body.message).toMatch(/already allow-listed/);
  });

  it('lists entries to ANALYST+, paginated and filtered by type', async () => {
    const page = await t
      .http()
      .get('/allowlist?limit=2')
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect(page.body).toMatchObject({ page: 1, limit: 2, total: 5 });
    expect(page.body.items).toHaveLength(2);
    const cidrs = await t
      .http()
      .get('/allowlist?type=cidr')
      .auth(users.APPROVER.token, bearer)
      .expect(200);
    expect(cidrs.body.items.map((e: EntryBody) => e.value)).toEqual(['10.0.0.0/8']);
    await t.http().get('/allowlist?type=bogus').auth(users.ADMIN.token, bearer).expect(400);
    await t.http().get('/allowlist?limit=101').auth(users.ADMIN.token, bearer).expect(400);
    await t.http().get('/allowlist').auth(users.AUDITOR.token, bearer).expect(403);
    await create({ type: 'ip', value: '192.0.2.9', reason: 'r' }, users.ANALYST.token).expect(403);
  });

  it('matches through the cached matcher and the bare-value check at once after a change', async () => {
    const matcher = await service().getMatcher();
    expect(matcher.matches({ type: 'ipv4', value: '10.200.3.4' })).toBe(true);
    expect(matcher.matches({ type: 'domain', value: 'www.example.org' })).toBe(true);
    expect(await service().isAllowlisted('10.9.9.9')).toBe(true);
    expect(await service().isAllowlisted({ type: 'ipv6', value: '2001:db8:0::1' })).toBe(true);
    expect(await service().isAllowlisted('198.51.100.7')).toBe(false);

    const added = await create({ type: 'ip', value: '198.51.100.7', reason: 'scanner' }).expect(
      201,
    );
    expect(await service().isAllowlisted('198.51.100.7')).toBe(true);
    await t
      .http()
      .delete(`/allowlist/${added.body.id}`)
      .auth(users.ADMIN.token, bearer)
      .expect(204);
    expect(await service().isAllowlisted('198.51.100.7')).toBe(false);
  });

  it('deletes with 204, then 404; a malformed id is 400', async () => {
    const list = await t
      .http()
      .get('/allowlist?type=hash')
      .auth(users.ADMIN.token, bearer)
      .expect(200);
    const id = (list.body.items[0] as EntryBody).id;
    await t.http().delete(`/allowlist/${id}`).auth(users.ADMIN.token, bearer).expect(204);
    await t.http().delete(`/allowlist/${id}`).auth(users.ADMIN.token, bearer).expect(404);
    await t.http().delete(`/allowlist/${MISSING_ID}`).auth(users.ANALYST.token, bearer).expect(403);
    await t.http().delete('/allowlist/not-a-uuid').auth(users.ADMIN.token, bearer).expect(400);
  });

  it('audits every creation and deletion', async () => {
    const audit = async (action: string) =>
      (
        await t
          .http()
          .get(`/audit?action=${action}&limit=100`)
          .auth(users.AUDITOR.token, bearer)
          .expect(200)
      ).body;
    const created = await audit('allowlist_entry.created');
    expect(created.total).toBe(6);
    expect(created.items).toContainEqual(
      expect.objectContaining({
        actorId: users.ADMIN.id,
        entityType: 'allowlist_entry',
        data: { before: null, after: { type: 'cidr', value: '10.0.0.0/8', reason: 'known good' } },
      }),
    );
    const deleted = await audit('allowlist_entry.deleted');
    expect(deleted.total).toBe(2);
    const deletedTypes = deleted.items.map(
      (e: { data: { before: { type: string } } }) => e.data.before.type,
    );
    expect(deletedTypes.sort()).toEqual(['hash', 'ip']);
  });
});
