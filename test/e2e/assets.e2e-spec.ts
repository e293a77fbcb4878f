import { AssetsService } from '../../src/modules/assets/assets.service';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { MISSING_ID } from '../helpers/authorization-matrix';
import { startTestApp, type TestApp } from '../helpers/test-app';

interface AssetBody {
  id: string;
  hostname: string;
  ip: string | null;
  owner: string | null;
  criticality: string;
}

describe('Assets (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let workstation: AssetBody;
  const bearer = { type: 'bearer' } as const;

  const create = (body: object) =>
    t.http().post('/assets').auth(users.ADMIN.token, bearer).send(body);
  const patch = (id: string, body: object) =>
    t.http().patch(`/assets/${id}`).auth(users.ADMIN.token, bearer).send(body);
  const criticalityOf = async (hostname: string | null, ips: string[] = []) =>
    (await t.app.get(AssetsService).findCriticality({ hostname, ips }))?.criticality ?? null;

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  it('creates assets with a lowercase host name and a canonical IP', async () => {
    const response = await create({
      hostname: 'WS-042.Corp.Example.com',
      ip: '2001:DB8:0:0:0:0:0:42',
      owner: 'Finance',
      criticality: 'LOW',
    }).expect(201);
    workstation = response.body as AssetBody;
    expect(workstation).toMatchObject({
      hostname: 'ws-042.corp.example.com',
      ip: '2001:db8::42',
      owner: 'Finance',
      criticality: 'LOW',
    });
    await create({ hostname: 'dc-01', ip: '10.0.0.10', criticality: 'CRITICAL' }).expect(201);
    await create({ hostname: 'db-01.corp.example.com', criticality: 'HIGH' }).expect(201);
  });

  it('answers 409 for a host name that exists in another case', async () => {
    const response = await create({ hostname: 'DC-01', criticality: 'LOW' }).expect(409);
    expect(response.body.message).toMatch(/dc-01 already exists/);
  });

  it.each([
    [{ hostname: 'bad host!', criticality: 'LOW' }, /hostname must be a host name/],
    [{ hostname: 'h1', ip: '999.1.1.1', criticality: 'LOW' }, /ip must be an IPv4 or IPv6/],
    [{ hostname: 'h1', ip: '010.0.0.1', criticality: 'LOW' }, /ip must be an IPv4 or IPv6/],
    [{ hostname: 'h1', criticality: 'SEVERE' }, /criticality must be one of LOW, MEDIUM/],
    [{ hostname: 'h1' }, /criticality must be one of/],
    [{ criticality: 'LOW' }, /hostname/],
    [{ hostname: 'h1', criticality: 'LOW', tags: ['x'] }, /property tags should not exist/],
  ])('refuses %j with 400 naming the field', async (body, message) => {
    const response = await create(body).expect(400);
    expect(JSON.stringify(response.body.message)).toMatch(message);
  });

  it('lists to ANALYST+, filtered by host name and criticality, paginated', async () => {
    const get = (query: string, token = users.ANALYST.token) =>
      t.http().get(`/assets${query}`).auth(token, bearer);
    const all = await get('').expect(200);
    expect(all.body).toMatchObject({ page: 1, limit: 20, total: 3 });
    expect(all.body.items.map((a: AssetBody) => a.hostname)).toEqual([
      'db-01.corp.example.com',
      'dc-01',
      'ws-042.corp.example.com',
    ]);
    const byName = await get('?hostname=CORP.example').expect(200);
    expect(byName.body.total).toBe(2);
    const critical = await get('?criticality=CRITICAL&limit=1').expect(200);
    expect(critical.body).toMatchObject({ total: 1, limit: 1, items: [{ hostname: 'dc-01' }] });
    await get('?criticality=SEVERE').expect(400);
    await get('?page=0').expect(400);
    await get('', users.AUDITOR.token).expect(403);
  });

  it('updates fields, clears the IP with null, and keeps host names unique', async () => {
    const updated = await patch(workstation.id, {
      criticality: 'HIGH',
      ip: null,
      owner: '',
    }).expect(200);
    expect(updated.body).toMatchObject({ criticality: 'HIGH', ip: null, owner: null });
    expect(updated.body.hostname).toBe('ws-042.corp.example.com');
    await patch(workstation.id, { hostname: 'DC-01' }).expect(409);
    await patch(workstation.id, { hostname: null }).expect(400);
    await patch(workstation.id, { criticality: null }).expect(400);
    await patch(MISSING_ID, { criticality: 'LOW' }).expect(404);
    await patch('not-a-uuid', { criticality: 'LOW' }).expect(400);
  });

  it('finds the most critical asset by host name, short name or IP', async () => {
    expect(await criticalityOf('WS-042')).toBe('HIGH');
    expect(await criticalityOf('db-01')).toBe('HIGH');
    expect(await criticalityOf('dc-01.corp.example.com')).toBe('CRITICAL');
    expect(await criticalityOf(null, ['10.0.0.10'])).toBe('CRITICAL');
    expect(await criticalityOf('ws-042', ['10.0.0.10'])).toBe('CRITICAL');
    expect(await criticalityOf('unknown-host', ['192.0.2.1', 'junk'])).toBeNull();
    expect(await criticalityOf(null, [])).toBeNull();
  });

  it('forgets cached answers as soon as an asset changes here', async () => {
    expect(await criticalityOf('ws-042')).toBe('HIGH');
    await patch(workstation.id, { criticality: 'MEDIUM' }).expect(200);
    expect(await criticalityOf('ws-042')).toBe('MEDIUM');
  });

  it('deletes with 204, then 404, and audits every change', async () => {
    await t.http().delete(`/assets/${workstation.id}`).auth(users.ADMIN.token, bearer).expect(204);
    await t.http().delete(`/assets/${workstation.id}`).auth(users.ADMIN.token, bearer).expect(404);
    expect(await criticalityOf('ws-042')).toBeNull();
    const audit = await t
      .http()
      .get(`/audit?entityType=asset&entityId=${workstation.id}`)
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'asset.deleted',
      'asset.updated',
      'asset.updated',
      'asset.created',
    ]);
    expect(audit.body.items[2].data).toMatchObject({
      before: { criticality: 'LOW', ip: '2001:db8::42' },
      after: { criticality: 'HIGH', ip: null },
    });
  });
});
