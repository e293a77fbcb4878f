import { ActionStatus, ActionType } from '../../generated/prisma/enums';
import { ActionStateConflictError } from './actions.errors';

/** What can happen to an action, and the only statuses each may start from. */
export enum ActionCommand {
  Approve = 'approve',
  Reject = 'reject',
  Execute = 'execute',
  Retry = 'retry',
  Expire = 'expire',
  Finish = 'finish',
}

const { REQUESTED, APPROVED, REJECTED, EXPIRED, EXECUTING, EXECUTED, FAILED } = ActionStatus;

const MOVES: Readonly<
  Record<ActionCommand, { from: readonly ActionStatus[]; to: readonly ActionStatus[] }>
> = {
  // With two approvals needed, the first leaves it REQUESTED.
  [ActionCommand.Approve]: { from: [REQUESTED], to: [REQUESTED, APPROVED] },
  [ActionCommand.Reject]: { from: [REQUESTED], to: [REJECTED] },
  [ActionCommand.Execute]: { from: [APPROVED], to: [EXECUTING] },
  [ActionCommand.Retry]: { from: [FAILED], to: [EXECUTING] },
  [ActionCommand.Expire]: { from: [REQUESTED, APPROVED], to: [EXPIRED] },
  [ActionCommand.Finish]: { from: [EXECUTING], to: [EXECUTED, FAILED] },
};

/** Throws ActionStateConflictError (409) when `command` cannot start from `status`. */
export function assertCan(command: ActionCommand, status: ActionStatus): void {
  if (!MOVES[command].from.includes(status))
    throw new ActionStateConflictError(status, MOVES[command].from);
}

/** These change something outside Mini-SOAR; a person's request for them waits for approval. */
export const CONTAINMENT_TYPES: ReadonlySet<ActionType> = new Set([
  ActionType.BLOCK_IP,
  ActionType.DISABLE_USER,
  ActionType.ISOLATE_HOST,
  ActionType.UNBLOCK_IP,
]);

/**
 * Notifications and tickets run at once; containment waits for approval. The system's own
 * undo of a timed block is not a request by a person and does not come through here.
 */
export function requiresApproval(type: ActionType): boolean {
  return CONTAINMENT_TYPES.has(type);
}

/** Requests start here: REQUESTED, or straight to EXECUTING when nobody needs to approve. */
export function initialStatus(type: ActionType): ActionStatus {
  return requiresApproval(type) ? REQUESTED : EXECUTING;
}
