import { expectAuditChainValid } from '../helpers/audit';
import { createHmac } from 'node:crypto';
import { AuditSealer } from '../../src/modules/audit/audit-sealer';
import {
  createRoleUsers,
  createUser,
  login,
  PASSWORD,
  signup,
  type RoleTokens,
} from '../factories/users.factory';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('Auth and users (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  it('makes the first user ADMIN and later signups ANALYSTs pending approval', async () => {
    expect(users.ADMIN.role).toBe('ADMIN');
    const later = await signup(t, 'later@example.com');
    expect(later).toMatchObject({ role: 'ANALYST', isActive: false, pendingApproval: true });
  });

  it('returns the user without any password material on signup', async () => {
    const response = await t
      .http()
      .post('/auth/signup')
      .send({ email: 'Shape@Example.com', password: PASSWORD, name: 'Shape' })
      .expect(201);
    expect(response.body).toMatchObject({
      email: 'shape@example.com',
      name: 'Shape',
      role: 'ANALYST',
    });
    expect(JSON.stringify(response.body)).not.toMatch(/password|hash/i);
  });

  it('rejects a duplicate email with 409', async () => {
    const response = await t
      .http()
      .post('/auth/signup')
      .send({ email: 'ADMIN@example.com', password: PASSWORD, name: 'x' })
      .expect(409);
    expect(response.body.message).toMatch(/already exists/);
  });

  it.each([
    [{ email: 'a@example.com', password: 'short', name: 'a' }, /at least 10/],
    [{ email: 'not-an-email', password: PASSWORD, name: 'a' }, /valid email/],
    [
      { email: 'b@example.com', password: PASSWORD, name: 'b', role: 'ADMIN' },
      /property role should not exist/,
    ],
    [{ email: 'c@example.com', password: 'x'.repeat(73), name: 'c' }, /at most 72 bytes/],
  ])('rejects an invalid signup %j with 400', async (body, message) => {
    const response = await t.http().post('/auth/signup').send(body).expect(400);
    expect(JSON.stringify(response.body.message)).toMatch(message);
  });

  it('logs in with a bearer JWT that has an expiry', async () => {
    const response = await t
      .http()
      .post('/auth/login')
      .send({ email: 'admin@example.com', password: PASSWORD })
      .expect(200);
    expect(response.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 3600,
      user: { email: 'admin@example.com', role: 'ADMIN' },
    });
    const payload = JSON.parse(
      Buffer.from(response.body.accessToken.split('.')[1], 'base64url').toString(),
    );
    expect(payload.exp - payload.iat).toBe(3600);
  });

  it('answers unknown email and wrong password with the same 401', async () => {
    const unknown = await t
      .http()
      .post('/auth/login')
      .send({ email: 'nobody@example.com', password: PASSWORD })
      .expect(401);
    const wrong = await t
      .http()
      .post('/auth/login')
      .send({ email: 'admin@example.com', password: 'wrong-password!' })
      .expect(401);
    expect(unknown.body).toEqual(wrong.body);
    expect(unknown.body.message).toBe('Invalid email or password');
  });

  it('returns the caller on /auth/me and 401 without or with a bad token', async () => {
    const me = await t
      .http()
      .get('/auth/me')
      .auth(users.AUDITOR.token, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({ email: 'auditor@example.com', role: 'AUDITOR' });
    await t.http().get('/auth/me').expect(401);
    await t.http().get('/auth/me').auth('not.a.jwt', { type: 'bearer' }).expect(401);
    const forged =
      users.ADMIN.token.slice(0, -2) + (users.ADMIN.token.endsWith('AA') ? 'BB' : 'AA');
    await t.http().get('/auth/me').auth(forged, { type: 'bearer' }).expect(401);
  });

  it('lets only ADMIN list users', async () => {
    const list = await t
      .http()
      .get('/users')
      .auth(users.ADMIN.token, { type: 'bearer' })
      .expect(200);
    expect(list.body).toMatchObject({ page: 1, limit: 20 });
    expect(list.body.items.length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(list.body)).not.toMatch(/passwordHash/);
    await t.http().get('/users').auth(users.ANALYST.token, { type: 'bearer' }).expect(403);
  });

  it('applies a role change to existing tokens at once', async () => {
    const user = await createUser(t, users.ADMIN.token, 'promote@example.com', 'ANALYST');
    const token = await login(t, 'promote@example.com');
    await t.http().get('/users').auth(token, { type: 'bearer' }).expect(403);
    await t
      .http()
      .patch(`/users/${user.id}`)
      .auth(users.ADMIN.token, { type: 'bearer' })
      .send({ role: 'ADMIN' })
      .expect(200);
    await t.http().get('/users').auth(token, { type: 'bearer' }).expect(200);
  });

  it('stops the tokens of a deactivated user and refuses their login', async () => {
    const user = await createUser(t, users.ADMIN.token, 'leaver@example.com', 'ANALYST');
    const token = await login(t, 'leaver@example.com');
    await t.http().get('/auth/me').auth(token, { type: 'bearer' }).expect(200);
    await t
      .http()
      .patch(`/users/${user.id}`)
      .auth(users.ADMIN.token, { type: 'bearer' })
      .send({ isActive: false })
      .expect(200);
    await t.http().get('/auth/me').auth(token, { type: 'bearer' }).expect(401);
    await t
      .http()
      .post('/auth/login')
      .send({ email: 'leaver@example.com', password: PASSWORD })
      .expect(401);
  });

  it('refuses a correctly signed token that carries no expiry', async () => {
    const encode = (part: object) => Buffer.from(JSON.stringify(part)).toString('base64url');
    const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({
      sub: users.ADMIN.id,
      email: users.ADMIN.email,
      role: 'ADMIN',
      iat: Math.floor(Date.now() / 1000),
    })}`;
    const signature = createHmac('sha256', t.config.jwtSecret).update(unsigned).digest('base64url');
    const response = await t
      .http()
      .get('/auth/me')
      .auth(`${unsigned}.${signature}`, { type: 'bearer' })
      .expect(401);
    expect(response.body.message).toMatch(/no expiry/);
  });

  it('validates PATCH /users/:id', async () => {
    const auth = { type: 'bearer' } as const;
    await t.http().patch('/users/not-a-uuid').auth(users.ADMIN.token, auth).send({}).expect(400);
    await t
      .http()
      .patch('/users/00000000-0000-4000-8000-000000000000')
      .auth(users.ADMIN.token, auth)
      .send({ role: 'ANALYST' })
      .expect(404);
    await t
      .http()
      .patch(`/users/${users.ANALYST.id}`)
      .auth(users.ADMIN.token, auth)
      .send({ role: 'ROOT' })
      .expect(400);
  });

  describe('ingest API keys', () => {
    it('shows the key once, stores only its hash and revokes it', async () => {
      const auth = { type: 'bearer' } as const;
      const created = await t
        .http()
        .post('/api-keys')
        .auth(users.ADMIN.token, auth)
        .send({ name: 'wazuh-prod', source: 'wazuh' })
        .expect(201);
      expect(created.body).toMatchObject({ name: 'wazuh-prod', source: 'wazuh', signed: false });
      expect(created.body.key).toMatch(/^msk_[\w-]{40,}$/);
      expect(created.body.key.startsWith(created.body.prefix)).toBe(true);

      const stored = await t.prisma.apiKey.findUniqueOrThrow({ where: { id: created.body.id } });
      expect(JSON.stringify(stored)).not.toContain(created.body.key);

      const list = await t.http().get('/api-keys').auth(users.ADMIN.token, auth).expect(200);
      expect(JSON.stringify(list.body)).not.toContain(created.body.key);
      expect(list.body.find((k: { id: string }) => k.id === created.body.id)).toMatchObject({
        prefix: created.body.prefix,
        revokedAt: null,
      });

      await t
        .http()
        .delete(`/api-keys/${created.body.id}`)
        .auth(users.ADMIN.token, auth)
        .expect(204);
      const after = await t.http().get('/api-keys').auth(users.ADMIN.token, auth).expect(200);
      expect(
        after.body.find((k: { id: string }) => k.id === created.body.id).revokedAt,
      ).not.toBeNull();
      await t
        .http()
        .delete('/api-keys/00000000-0000-4000-8000-000000000000')
        .auth(users.ADMIN.token, auth)
        .expect(404);
    });

    it('issues a signing secret on request and keeps it sealed', async () => {
      const created = await t
        .http()
        .post('/api-keys')
        .auth(users.ADMIN.token, { type: 'bearer' })
        .send({ name: 'signed', source: 'splunk', signed: true })
        .expect(201);
      expect(created.body.signingSecret).toMatch(/^whsec_/);
      const stored = await t.prisma.apiKey.findUniqueOrThrow({ where: { id: created.body.id } });
      expect(stored.signingSecretSealed).not.toContain(created.body.signingSecret);
    });
  });

  it('audits signup, logins, role changes and key events', async () => {
    await t.app.get(AuditSealer).sealPending();
    const entries = await t.prisma.auditLog.findMany({ select: { action: true } });
    const actions = new Set(entries.map((e) => e.action));
    for (const action of [
      'user.signed_up',
      'auth.login_succeeded',
      'auth.login_failed',
      'user.role_changed',
      'user.deactivated',
      'api_key.created',
      'api_key.revoked',
    ]) {
      expect(actions).toContain(action);
    }
    await expectAuditChainValid(t, users.ADMIN.token);
  });
});

describe('The last ADMIN (e2e)', () => {
  let solo: TestApp;
  beforeAll(async () => {
    solo = await startTestApp();
  });
  afterAll(() => solo.close());

  it('cannot be demoted or deactivated', async () => {
    const admin = await signup(solo, 'solo@example.com');
    const token = await login(solo, 'solo@example.com');
    for (const change of [{ role: 'ANALYST' }, { isActive: false }]) {
      const response = await solo
        .http()
        .patch(`/users/${admin.id}`)
        .auth(token, { type: 'bearer' })
        .send(change)
        .expect(409);
      expect(response.body.message).toMatch(/last active ADMIN/);
    }
  });
});
