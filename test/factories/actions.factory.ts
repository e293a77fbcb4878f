import type { Severity } from '../../src/generated/prisma/enums';
import type { TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/processes';

export interface ActionView {
  id: string;
  caseId: string;
  alertId: string | null;
  actionType: string;
  target: string;
  params: Record<string, unknown>;
  status: string;
  requiresApproval: boolean;
  requiredApprovals: number;
  approvals: { approverId: string; approvedAt: string }[];
  requestHash: string;
  requestedById: string | null;
  output: Record<string, unknown> | null;
  effects: { kind: string; argv?: string[] }[] | null;
  error: string | null;
  mode: string | null;
  expiresAt: string | null;
  unblockOfId: string | null;
  createdAt: string;
}

/** A case to act on, written directly (the cases API is not what these tests are about). */
export async function newCase(t: TestApp, severity: Severity = 'HIGH'): Promise<string> {
  const created = await t.prisma.case.create({ data: { title: 'Action test case', severity } });
  return created.id;
}

export async function requestAction(
  t: TestApp,
  token: string,
  caseId: string,
  body: Record<string, unknown>,
  expected = 201,
): Promise<ActionView> {
  const response = await t
    .http()
    .post(`/cases/${caseId}/actions`)
    .auth(token, { type: 'bearer' })
    .send(body)
    .expect(expected);
  return response.body as ActionView;
}

export function actionCall(
  t: TestApp,
  token: string,
  id: string,
  verb: 'approve' | 'reject' | 'execute',
  body: object = {},
) {
  return t.http().patch(`/actions/${id}/${verb}`).auth(token, { type: 'bearer' }).send(body);
}

export async function getAction(t: TestApp, token: string, id: string): Promise<ActionView> {
  return (await t.http().get(`/actions/${id}`).auth(token, { type: 'bearer' }).expect(200))
    .body as ActionView;
}

/** Waits until the action reaches one of `statuses` (generous: never a speed assertion). */
export function waitForStatus(
  t: TestApp,
  token: string,
  id: string,
  statuses: string[] = ['EXECUTED', 'FAILED'],
): Promise<ActionView> {
  return waitFor(
    `action ${id} to reach ${statuses.join(' or ')}`,
    async () => {
      const action = await getAction(t, token, id);
      return statuses.includes(action.status) ? action : undefined;
    },
    60_000,
  );
}
