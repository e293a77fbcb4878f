import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { rawPost } from '../helpers/raw-http';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('HTTP edge cases (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  const postRaw = (body: string | Buffer, contentType = 'application/json') =>
    t.http().post('/auth/login').set('content-type', contentType).send(body);

  it.each([
    ['malformed JSON', '{"email":', 400, /Malformed JSON/],
    ['an empty body', '', 400, /empty/],
    ['a JSON scalar', '"just a string"', 400, /./],
    [
      'JSON nested 10,000 levels deep',
      '['.repeat(10_000) + ']'.repeat(10_000),
      400,
      /deeper than 64/,
    ],
  ])('answers %s with a clear 400', async (_label, body, status, message) => {
    const response = await postRaw(body).expect(status);
    expect(response.body.statusCode).toBe(status);
    expect(JSON.stringify(response.body.message)).toMatch(message);
  });

  it('answers invalid UTF-8 with 400', async () => {
    const body = Buffer.concat([
      Buffer.from('{"email":"a'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('@x.com"}'),
    ]);
    const response = await rawPost(t.app, '/auth/login', body);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message: 'Request body is not valid UTF-8' });
  });

  it('answers a 2 MiB body with 413', async () => {
    const response = await postRaw(
      JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(2 * 1024 * 1024) }),
    ).expect(413);
    expect(response.body).toMatchObject({ statusCode: 413, error: 'Payload Too Large' });
  });

  it('answers a non-JSON content type with 415', async () => {
    const response = await postRaw('email=a', 'application/x-www-form-urlencoded').expect(415);
    expect(response.body.message).toMatch(/application\/json/);
  });

  it('answers a malformed id with 400 and an unknown route with 404', async () => {
    await t
      .http()
      .patch('/users/123')
      .auth(users.ADMIN.token, { type: 'bearer' })
      .send({})
      .expect(400);
    const missing = await t.http().get('/does-not-exist').expect(404);
    expect(missing.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });

  it('answers a path parameter over 100 characters with 400, without echoing the URL', async () => {
    const long = 'a'.repeat(5000);
    const response = await t
      .http()
      .put(`/integrations/${long}`)
      .auth(users.ADMIN.token, { type: 'bearer' })
      .send({ enabled: true })
      .expect(400);
    expect(response.body.message).toBe('path parameter name is too long (max 100 characters)');
    expect(JSON.stringify(response.body)).not.toContain(long);
  });

  it.each(['99999999999999999999', '92233720368547759'])(
    'answers an overflowing page=%s with 400',
    async (page) => {
      const response = await t
        .http()
        .get(`/users?page=${page}&limit=100`)
        .auth(users.ADMIN.token, { type: 'bearer' })
        .expect(400);
      expect(response.body.message).toEqual(['page must not be greater than 10000000']);
    },
  );

  it('answers a lone surrogate in a login body with a 400 naming the field', async () => {
    const response = await postRaw('{"email":"a\\ud800@x.com","password":"x"}').expect(400);
    expect(response.body.message).toBe('email contains invalid Unicode (a lone surrogate)');
  });

  it('answers NUL in a query value or a path parameter with a 400 naming it', async () => {
    const query = await t
      .http()
      .get('/alerts?q=%00')
      .auth(users.ANALYST.token, { type: 'bearer' })
      .expect(400);
    expect(query.body.message).toBe('q contains a NUL character');
    const param = await t
      .http()
      .put('/integrations/rdap%00')
      .auth(users.ADMIN.token, { type: 'bearer' })
      .send({ enabled: true })
      .expect(400);
    expect(param.body.message).toBe('name contains a NUL character');
  });

  it('answers null for an optional field with 400', async () => {
    const response = await t
      .http()
      .patch(`/users/${users.ANALYST.id}`)
      .auth(users.ADMIN.token, { type: 'bearer' })
      .send({ role: null })
      .expect(400);
    expect(response.body.message).toContain('role must not be null');
  });

  it.each(['__proto__', 'constructor', 'toString'])(
    'does not take the inherited %s for a simulation scenario',
    async (name) => {
      await t.http().post(`/sim/${name}`).auth(users.ADMIN.token, { type: 'bearer' }).expect(404);
    },
  );

  it('never sends stack traces', async () => {
    const response = await postRaw('{"email":');
    expect(JSON.stringify(response.body)).not.toMatch(/at .*\.(js|ts):\d+/);
    expect(Object.keys(response.body).sort()).toEqual(['error', 'message', 'statusCode']);
  });

  it('echoes or assigns a request id and sets security headers', async () => {
    const echoed = await t.http().get('/health').set('x-request-id', 'abc-123').expect(200);
    expect(echoed.headers['x-request-id']).toBe('abc-123');
    const assigned = await t.http().get('/health').expect(200);
    expect(assigned.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(assigned.headers['x-content-type-options']).toBe('nosniff');
    expect(assigned.headers['content-security-policy']).toBeDefined();
  });

  it('reports readiness with the database mode', async () => {
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up', mode: 'postgresql' } },
    });
  });

  it('serves the OpenAPI document with every route and its roles', async () => {
    await t.http().get('/docs').expect(200);
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    for (const path of [
      '/auth/signup',
      '/auth/login',
      '/auth/me',
      '/users',
      '/users/{id}',
      '/api-keys',
      '/api-keys/{id}',
      '/audit',
      '/audit/verify',
      '/health',
      '/health/ready',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths['/users'].get['x-roles']).toEqual(['ADMIN']);
    expect(doc.components.securitySchemes).toHaveProperty('jwt');
  });
});
