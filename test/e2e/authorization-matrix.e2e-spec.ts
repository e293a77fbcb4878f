import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { AUTHORIZATION_MATRIX, type Caller } from '../helpers/authorization-matrix';
import { startTestApp, type TestApp } from '../helpers/test-app';

const CALLERS: Caller[] = ['ANONYMOUS', 'ADMIN', 'APPROVER', 'ANALYST', 'AUDITOR'];

describe('Authorization matrix (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  const cases = AUTHORIZATION_MATRIX.flatMap((row) =>
    CALLERS.map(
      (caller) =>
        [`${row.method.toUpperCase()} ${row.path}`, caller, row.expect[caller], row] as const,
    ),
  );

  it.each(cases)('%s as %s -> %i', async (_route, caller, status, row) => {
    let call = t.http()[row.method](row.path);
    if (caller !== 'ANONYMOUS') call = call.auth(users[caller].token, { type: 'bearer' });
    const response = await (row.body ? call.send(row.body) : call);
    expect(response.status).toBe(status);
  });

  it('covers every route the application serves', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const normalise = (path: string) =>
      path.replace(/\{[^}]+\}/g, ':param').replace(/[0-9a-f-]{36}/g, ':param');
    const served = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method} ${normalise(path)}`),
    );
    const covered = new Set(
      AUTHORIZATION_MATRIX.map((row) => `${row.method} ${normalise(row.template ?? row.path)}`),
    );
    expect(served.filter((route) => !covered.has(route))).toEqual([]);
  });
});
