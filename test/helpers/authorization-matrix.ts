/**
 * Route x role -> expected status, for every route. Each module appends its rows.
 * Statuses for allowed roles are what a valid-looking request gets; ids that do not
 * exist are fine (404 proves the guard let the request through).
 */
export type Caller = 'ANONYMOUS' | 'ADMIN' | 'APPROVER' | 'ANALYST' | 'AUDITOR';

export interface MatrixRow {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** The OpenAPI path this row exercises, when `path` fills a parameter with something other than a UUID. */
  template?: string;
  body?: object;
  expect: Record<Caller, number>;
}

const MISSING = '00000000-0000-4000-8000-000000000000';

/** Expected statuses when only `allowed` may call and they get `ok`. */
export function only(allowed: Exclude<Caller, 'ANONYMOUS'>[], ok: number): Record<Caller, number> {
  const denied = (caller: Caller) => (caller === 'ANONYMOUS' ? 401 : 403);
  const callers: Caller[] = ['ANONYMOUS', 'ADMIN', 'APPROVER', 'ANALYST', 'AUDITOR'];
  return Object.fromEntries(
    callers.map((caller) => [caller, allowed.includes(caller as never) ? ok : denied(caller)]),
  ) as Record<Caller, number>;
}

export const ANY = ['ADMIN', 'APPROVER', 'ANALYST', 'AUDITOR'] as const;
export const ANALYST_PLUS = ['ADMIN', 'APPROVER', 'ANALYST'] as const;
export const ADMIN = ['ADMIN'] as const;
export const AUDIT_READERS = ['ADMIN', 'AUDITOR'] as const;
export const APPROVERS = ['ADMIN', 'APPROVER'] as const;

export const PUBLIC = (status: number): Record<Caller, number> => ({
  ANONYMOUS: status,
  ADMIN: status,
  APPROVER: status,
  ANALYST: status,
  AUDITOR: status,
});

export const AUTHORIZATION_MATRIX: MatrixRow[] = [
  { method: 'get', path: '/', expect: PUBLIC(200) },
  { method: 'get', path: '/health', expect: PUBLIC(200) },
  { method: 'get', path: '/health/ready', expect: PUBLIC(200) },
  {
    method: 'post',
    path: '/auth/login',
    body: { email: 'nobody@example.com', password: 'x' },
    expect: PUBLIC(401),
  },
  { method: 'post', path: '/auth/signup', body: { email: 'x' }, expect: PUBLIC(400) },
  { method: 'get', path: '/auth/me', expect: only([...ANY], 200) },
  { method: 'get', path: '/users', expect: only([...ADMIN], 200) },
  {
    method: 'post',
    path: '/users',
    body: { email: 'matrix-user@example.com', name: 'Matrix', role: 'ANALYST' },
    expect: only([...ADMIN], 201),
  },
  {
    method: 'patch',
    path: `/users/${MISSING}`,
    body: { role: 'ANALYST' },
    expect: only([...ADMIN], 404),
  },
  {
    method: 'post',
    path: '/api-keys',
    body: { name: 'matrix', source: 'generic' },
    expect: only([...ADMIN], 201),
  },
  { method: 'get', path: '/api-keys', expect: only([...ADMIN], 200) },
  { method: 'delete', path: `/api-keys/${MISSING}`, expect: only([...ADMIN], 404) },
  { method: 'get', path: '/audit', expect: only([...AUDIT_READERS], 200) },
  { method: 'get', path: '/audit/verify', expect: only([...AUDIT_READERS], 200) },
  { method: 'get', path: '/audit/checkpoint', expect: only([...AUDIT_READERS], 200) },
  { method: 'get', path: '/audit/public-key', expect: only([...AUDIT_READERS], 200) },
  {
    method: 'post',
    path: '/alerts/webhook',
    body: { title: 'matrix' },
    expect: only([...ANALYST_PLUS], 202),
  },
  {
    method: 'post',
    path: '/alerts/webhook/generic',
    template: '/alerts/webhook/{connector}',
    body: { title: 'matrix' },
    expect: only([...ANALYST_PLUS], 202),
  },
  {
    method: 'post',
    path: '/api/v1/alert',
    body: { title: 'matrix' },
    expect: only([...ANALYST_PLUS], 202),
  },
  { method: 'get', path: '/alerts', expect: only([...ANY], 200) },
  { method: 'get', path: `/alerts/${MISSING}`, expect: only([...ANY], 404) },
  {
    method: 'patch',
    path: `/alerts/${MISSING}`,
    body: { status: 'CLOSED', reason: 'matrix' },
    expect: only([...ANALYST_PLUS], 404),
  },
  {
    method: 'get',
    path: '/observables?value=198.51.100.77',
    template: '/observables',
    expect: only([...ANY], 200),
  },
  {
    method: 'post',
    path: '/sim/nonexistent-scenario',
    template: '/sim/{scenario}',
    expect: only([...ADMIN], 404),
  },
  { method: 'get', path: '/jobs', expect: only([...ADMIN], 200) },
  { method: 'get', path: `/jobs/${MISSING}`, expect: only([...ANALYST_PLUS], 404) },
  { method: 'post', path: `/jobs/${MISSING}/retry`, expect: only([...ADMIN], 404) },
  { method: 'get', path: '/integrations', expect: only([...ADMIN], 200) },
  {
    method: 'put',
    path: '/integrations/rdap',
    template: '/integrations/{name}',
    body: { enabled: false },
    expect: only([...ADMIN], 200),
  },
  {
    method: 'post',
    path: '/integrations/mock/test',
    template: '/integrations/{name}/test',
    expect: only([...ADMIN], 200),
  },
  { method: 'get', path: '/allowlist', expect: only([...ANALYST_PLUS], 200) },
  {
    method: 'post',
    path: '/allowlist',
    body: { type: 'ip', value: '192.0.2.250', reason: 'matrix' },
    expect: only([...ADMIN], 201),
  },
  { method: 'delete', path: `/allowlist/${MISSING}`, expect: only([...ADMIN], 404) },
  { method: 'get', path: '/metrics/overview', expect: only([...ANY], 200) },
  { method: 'get', path: '/metrics/sla', expect: only([...ANY], 200) },
  { method: 'get', path: '/metrics/prometheus', expect: only([...ANY], 200) },
  {
    method: 'get',
    path: '/metrics/trends?metric=alerts',
    template: '/metrics/trends',
    expect: only([...ANY], 200),
  },
  { method: 'get', path: '/assets', expect: only([...ANALYST_PLUS], 200) },
  {
    method: 'post',
    path: '/assets',
    body: { hostname: 'matrix-host', criticality: 'LOW' },
    expect: only([...ADMIN], 201),
  },
  {
    method: 'patch',
    path: `/assets/${MISSING}`,
    body: { criticality: 'HIGH' },
    expect: only([...ADMIN], 404),
  },
  { method: 'delete', path: `/assets/${MISSING}`, expect: only([...ADMIN], 404) },
  {
    method: 'post',
    path: '/cases',
    body: { title: 'matrix' },
    expect: only([...ANALYST_PLUS], 201),
  },
  { method: 'get', path: '/cases', expect: only([...ANY], 200) },
  { method: 'get', path: `/cases/${MISSING}`, expect: only([...ANY], 404) },
  {
    method: 'patch',
    path: `/cases/${MISSING}`,
    body: { status: 'IN_TRIAGE' },
    expect: only([...ANALYST_PLUS], 404),
  },
  {
    method: 'post',
    path: `/cases/${MISSING}/notes`,
    body: { note: 'matrix' },
    expect: only([...ANALYST_PLUS], 404),
  },
  {
    method: 'post',
    path: `/cases/${MISSING}/alerts`,
    body: { alertIds: [MISSING] },
    expect: only([...ANALYST_PLUS], 404),
  },
  {
    method: 'post',
    path: `/cases/${MISSING}/merge`,
    body: { caseIds: ['00000000-0000-4000-8000-000000000001'] },
    expect: only([...ANALYST_PLUS], 404),
  },
  {
    method: 'post',
    path: `/cases/${MISSING}/actions`,
    body: { actionType: 'BLOCK_IP', target: '203.0.113.250' },
    expect: only([...ANALYST_PLUS], 404),
  },
  {
    method: 'post',
    path: `/api/v1/alerts/${MISSING}/actions/block_ip`,
    template: '/api/v1/alerts/{alertId}/actions/{actionName}',
    body: {},
    expect: only([...ANALYST_PLUS], 404),
  },
  { method: 'get', path: '/actions', expect: only([...ANY], 200) },
  { method: 'get', path: `/actions/${MISSING}`, expect: only([...ANY], 404) },
  { method: 'patch', path: `/actions/${MISSING}/approve`, expect: only([...APPROVERS], 404) },
  {
    method: 'patch',
    path: `/actions/${MISSING}/reject`,
    body: { reason: 'matrix' },
    expect: only([...APPROVERS], 404),
  },
  { method: 'patch', path: `/actions/${MISSING}/execute`, expect: only([...APPROVERS], 404) },
  { method: 'post', path: `/actions/${MISSING}/retry`, expect: only([...ADMIN], 404) },
  { method: 'get', path: '/playbooks', expect: only([...ANY], 200) },
  // An empty definition: 400 proves the guard let the caller through (names are unique).
  { method: 'post', path: '/playbooks', body: {}, expect: only([...ANALYST_PLUS], 400) },
  { method: 'get', path: `/playbooks/${MISSING}`, expect: only([...ANY], 404) },
  {
    method: 'put',
    path: `/playbooks/${MISSING}`,
    body: { name: 'matrix', steps: [{ id: 'a', action: 'enrich' }] },
    expect: only([...ANALYST_PLUS], 404),
  },
  { method: 'delete', path: `/playbooks/${MISSING}`, expect: only([...ADMIN], 404) },
  { method: 'get', path: `/playbooks/${MISSING}/versions`, expect: only([...ANY], 404) },
  {
    method: 'get',
    path: `/playbooks/${MISSING}/versions/1`,
    template: '/playbooks/{id}/versions/{version}',
    expect: only([...ANY], 404),
  },
  {
    method: 'post',
    path: `/playbooks/${MISSING}/rollback`,
    body: { version: 1 },
    expect: only([...ANALYST_PLUS], 404),
  },
  { method: 'get', path: `/playbooks/${MISSING}/export`, expect: only([...ANY], 404) },
  {
    method: 'post',
    path: `/playbooks/${MISSING}/replay`,
    body: {},
    expect: only([...ANALYST_PLUS], 404),
  },
  {
    method: 'post',
    path: `/playbooks/${MISSING}/run`,
    body: { alertId: MISSING },
    expect: only([...ANALYST_PLUS], 404),
  },
  { method: 'post', path: `/playbooks/run/${MISSING}`, expect: only([...ANALYST_PLUS], 404) },
  { method: 'get', path: `/playbooks/${MISSING}/runs`, expect: only([...ANY], 404) },
  {
    method: 'get',
    path: '/playbook-runs?status=failed',
    template: '/playbook-runs',
    expect: only([...ANY], 200),
  },
  { method: 'get', path: `/playbook-runs/${MISSING}`, expect: only([...ANY], 404) },
  { method: 'post', path: `/playbook-runs/${MISSING}/retry`, expect: only([...ANALYST_PLUS], 404) },
  // Public to the JWT guard: only Slack's v0 signature opens it (no slack integration here: 401).
  { method: 'post', path: '/integrations/slack/interactions', body: {}, expect: PUBLIC(401) },
];

export { MISSING as MISSING_ID };
