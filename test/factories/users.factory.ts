import type { Role } from '../../src/generated/prisma/enums';
import type { TestApp } from '../helpers/test-app';

export const PASSWORD = 'correct-horse-battery';

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  token: string;
}

export type RoleTokens = Record<Role, TestUser>;

export async function signup(
  t: TestApp,
  email: string,
  name = email.split('@')[0],
): Promise<{ id: string; role: Role }> {
  const response = await t
    .http()
    .post('/auth/signup')
    .send({ email, password: PASSWORD, name })
    .expect(201);
  return response.body as { id: string; role: Role };
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<string> {
  const response = await t.http().post('/auth/login').send({ email, password }).expect(200);
  return (response.body as { accessToken: string }).accessToken;
}

/** One user per role, minted once per suite: the first signup is ADMIN, the others are promoted. */
export async function createRoleUsers(t: TestApp): Promise<RoleTokens> {
  const admin = await signup(t, 'admin@example.com');
  const adminToken = await login(t, 'admin@example.com');
  const users = {
    ADMIN: { ...admin, email: 'admin@example.com', token: adminToken },
  } as RoleTokens;
  for (const role of ['APPROVER', 'ANALYST', 'AUDITOR'] as const) {
    const email = `${role.toLowerCase()}@example.com`;
    const created = await signup(t, email);
    if (role !== 'ANALYST') {
      await t
        .http()
        .patch(`/users/${created.id}`)
        .auth(adminToken, { type: 'bearer' })
        .send({ role })
        .expect(200);
    }
    users[role] = { id: created.id, email, role, token: await login(t, email) };
  }
  return users;
}
