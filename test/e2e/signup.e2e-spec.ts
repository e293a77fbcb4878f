import { AuditSealer } from '../../src/modules/audit/audit-sealer';
import { createUser, login, PASSWORD, signup } from '../factories/users.factory';
import { startTestApp, type TestApp } from '../helpers/test-app';

const bearer = { type: 'bearer' } as const;

async function auditValid(t: TestApp, token: string): Promise<boolean> {
  return (await t.http().get('/audit/verify').auth(token, bearer).expect(200)).body.valid;
}

describe('Signup with approval, the default (e2e)', () => {
  let t: TestApp;
  let adminToken: string;

  beforeAll(async () => {
    t = await startTestApp();
    await signup(t, 'admin@example.com');
    adminToken = await login(t, 'admin@example.com');
  });
  afterAll(() => t.close());

  it('keeps a later signup out with 403 "pending approval" until an ADMIN activates it', async () => {
    const pending = await signup(t, 'newcomer@example.com');
    expect(pending).toMatchObject({ role: 'ANALYST', isActive: false, pendingApproval: true });

    const refused = await t
      .http()
      .post('/auth/login')
      .send({ email: 'newcomer@example.com', password: PASSWORD })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'AUTH_PENDING_APPROVAL' });
    expect(refused.body.message).toMatch(/pending approval/);
    // The wrong password says nothing about the account's state.
    const wrong = await t
      .http()
      .post('/auth/login')
      .send({ email: 'newcomer@example.com', password: 'wrong-password' })
      .expect(401);
    expect(wrong.body.message).toBe('Invalid email or password');

    const approved = await t
      .http()
      .patch(`/users/${pending.id}`)
      .auth(adminToken, bearer)
      .send({ isActive: true })
      .expect(200);
    expect(approved.body).toMatchObject({ isActive: true, pendingApproval: false });
    await login(t, 'newcomer@example.com');
  });

  it('refuses a deactivated user with the plain 401, not "pending approval"', async () => {
    const user = await createUser(t, adminToken, 'leaving@example.com', 'ANALYST');
    const token = await login(t, 'leaving@example.com');
    const deactivated = await t
      .http()
      .patch(`/users/${user.id}`)
      .auth(adminToken, bearer)
      .send({ isActive: false })
      .expect(200);
    expect(deactivated.body).toMatchObject({ isActive: false, pendingApproval: false });
    await t.http().get('/auth/me').auth(token, bearer).expect(401);
    const refused = await t
      .http()
      .post('/auth/login')
      .send({ email: 'leaving@example.com', password: PASSWORD })
      .expect(401);
    expect(refused.body.message).toBe('Invalid email or password');
  });

  describe('POST /users', () => {
    it('creates an active user with the given role, who can log in at once', async () => {
      const response = await t
        .http()
        .post('/users')
        .auth(adminToken, bearer)
        .send({ email: 'Approver@Example.com', name: 'Ann', role: 'APPROVER', password: PASSWORD })
        .expect(201);
      expect(response.body).toMatchObject({
        email: 'approver@example.com',
        name: 'Ann',
        role: 'APPROVER',
        isActive: true,
        pendingApproval: false,
      });
      expect(JSON.stringify(response.body)).not.toMatch(/password|hash/i);
      await login(t, 'approver@example.com');
    });

    it('creates a user without a password that cannot log in with one', async () => {
      const created = await createUser(t, adminToken, 'slackonly@example.com', 'APPROVER', '');
      expect(created).toMatchObject({ isActive: true });
      for (const password of [PASSWORD, '', 'null']) {
        await t
          .http()
          .post('/auth/login')
          .send({ email: 'slackonly@example.com', password })
          .expect(401);
      }
    });

    it('answers a duplicate email with 409 and a bad body with 400', async () => {
      const duplicate = await t
        .http()
        .post('/users')
        .auth(adminToken, bearer)
        .send({ email: 'ADMIN@example.com', name: 'x', role: 'ANALYST' })
        .expect(409);
      expect(duplicate.body).toMatchObject({ code: 'USER_EMAIL_TAKEN' });
      for (const body of [
        { email: 'a@example.com', name: 'a' },
        { email: 'a@example.com', name: 'a', role: 'ROOT' },
        { email: 'a@example.com', name: 'a', role: 'ANALYST', password: 'short' },
        { email: 'a@example.com', name: 'a', role: 'ANALYST', password: null },
        { email: 'a@example.com', name: 'a', role: 'ANALYST', isActive: false },
      ]) {
        await t.http().post('/users').auth(adminToken, bearer).send(body).expect(400);
      }
    });
  });

  describe('slackUserId', () => {
    let user: { id: string };
    beforeAll(async () => {
      user = await createUser(t, adminToken, 'slacker@example.com', 'APPROVER');
    });
    const patch = (id: string, body: object) =>
      t.http().patch(`/users/${id}`).auth(adminToken, bearer).send(body);

    it('links a Slack member id, refuses one another user has, and unlinks with null', async () => {
      const linked = await patch(user.id, { slackUserId: 'U024BE7LH' }).expect(200);
      expect(linked.body.slackUserId).toBe('U024BE7LH');
      const other = await createUser(t, adminToken, 'other-slacker@example.com', 'APPROVER');
      const taken = await patch(other.id, { slackUserId: 'U024BE7LH' }).expect(409);
      expect(taken.body).toMatchObject({ code: 'USER_SLACK_ID_TAKEN' });
      await patch(user.id, { slackUserId: 'U024BE7LH' }).expect(200);
      const unlinked = await patch(user.id, { slackUserId: null }).expect(200);
      expect(unlinked.body.slackUserId).toBeNull();
      await patch(other.id, { slackUserId: 'W0123ABCD' }).expect(200);
    });

    it.each(['u024be7lh', 'X024BE7LH', 'U1', 'U024 BE7', 42, `U${'A'.repeat(40)}`])(
      'refuses slackUserId %j with 400',
      async (slackUserId) => {
        const response = await patch(user.id, { slackUserId }).expect(400);
        expect(JSON.stringify(response.body.message)).toMatch(/slackUserId/);
      },
    );
  });

  it('audits who changed what, before and after, and from where', async () => {
    await t.app.get(AuditSealer).sealPending();
    const entries = await t.prisma.auditLog.findMany({
      where: { action: { in: ['user.approved', 'user.created', 'user.slack_id_changed'] } },
      orderBy: { seq: 'asc' },
    });
    const approved = entries.find((e) => e.action === 'user.approved');
    expect(approved).toMatchObject({
      actorType: 'user',
      actorEmail: 'admin@example.com',
      data: {
        before: { isActive: false, role: 'ANALYST', slackUserId: null },
        after: { isActive: true, role: 'ANALYST', slackUserId: null },
      },
    });
    expect(approved?.ip).toBeTruthy();
    expect(entries.filter((e) => e.action === 'user.slack_id_changed')).toHaveLength(3);
    const created = entries.filter((e) => e.action === 'user.created').map((e) => e.data);
    expect(created).toContainEqual({
      before: null,
      after: { role: 'APPROVER', isActive: true, slackUserId: null },
      hasPassword: false,
    });
    expect(await auditValid(t, adminToken)).toBe(true);
  });
});

describe('Signup modes and the first user (e2e)', () => {
  let t: TestApp | undefined;
  afterEach(async () => {
    await t?.close();
    t = undefined;
  });

  it('makes exactly one ADMIN of concurrent first signups', async () => {
    t = await startTestApp({ SIGNUP_MODE: 'open' });
    const app = t;
    const created = await Promise.all(
      Array.from({ length: 6 }, (_, i) => signup(app, `racer${i}@example.com`)),
    );
    expect(created.filter((user) => user.role === 'ADMIN')).toHaveLength(1);
  });

  it('SIGNUP_MODE=open creates active ANALYSTs that log in at once', async () => {
    t = await startTestApp({ SIGNUP_MODE: 'open' });
    await signup(t, 'first@example.com');
    const later = await signup(t, 'later@example.com');
    expect(later).toMatchObject({ role: 'ANALYST', isActive: true, pendingApproval: false });
    await login(t, 'later@example.com');
  });

  it('SIGNUP_MODE=closed lets only the first user sign up', async () => {
    t = await startTestApp({ SIGNUP_MODE: 'closed' });
    const first = await signup(t, 'first@example.com');
    expect(first.role).toBe('ADMIN');
    const refused = await t
      .http()
      .post('/auth/signup')
      .send({ email: 'second@example.com', password: PASSWORD, name: 'Second' })
      .expect(403);
    expect(refused.body).toMatchObject({ code: 'AUTH_SIGNUP_CLOSED' });
    expect(await t.prisma.user.count()).toBe(1);
  });
});
