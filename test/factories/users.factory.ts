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

/** An active user created by an ADMIN through POST /users (signup is closed by default). */
export async function createUser(
  t: TestApp,
  adminToken: string,
  email: string,
  role: Role,
  password: string | undefined = PASSWORD,
): Promise<{ id: string; role: Role }> {
  const response = await t
    .http()
    .post('/users')
    .auth(adminToken, { type: 'bearer' })
    .send({ email, name: email.split('@')[0], role, ...(password ? { password } : {}) })
    .expect(201);
  return response.body as { id: string; role: Role };
}

/** One user per role, minted once per suite: the first signup is ADMIN, it creates the others. */
export async function createRoleUsers(t: TestApp): Promise<RoleTokens> {
  const admin = await signup(t, 'admin@example.com');
  const adminToken = await login(t, 'admin@example.com');
  const users = {
    ADMIN: { ...admin, email: 'admin@example.com', token: adminToken },
  } as RoleTokens;
  for (const role of ['APPROVER', 'ANALYST', 'AUDITOR'] as const) {
    const email = `${role.toLowerCase()}@example.com`;
    const created = await createUser(t, adminToken, email, role);
    users[role] = { id: created.id, email, role, token: await login(t, email) };
  }
  return users;
}
