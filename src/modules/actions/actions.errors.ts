import { ErrorKind, ModuleError } from '../../common/errors/module-error';
import type { ActionStatus } from '../../generated/prisma/enums';

export class ActionNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'ACTION_NOT_FOUND', 'Action not found');
  }
}

export class ActionCaseNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'ACTION_CASE_NOT_FOUND', 'Case not found');
  }
}

export class ActionTargetInvalidError extends ModuleError {
  constructor(message: string) {
    super(ErrorKind.Invalid, 'ACTION_TARGET_INVALID', message);
  }
}

export class ActionParamsInvalidError extends ModuleError {
  constructor(message: string) {
    super(ErrorKind.Invalid, 'ACTION_PARAMS_INVALID', message);
  }
}

export class ActionTargetAllowlistedError extends ModuleError {
  constructor(target: string) {
    super(
      ErrorKind.Unprocessable,
      'ACTION_TARGET_ALLOWLISTED',
      `Target ${target} is on the allow-list: no response action may act on it`,
    );
  }
}

/** Four-eyes: whoever asked for an action never approves it, whatever their role. */
export class ActionSelfApprovalError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Forbidden,
      'ACTION_SELF_APPROVAL',
      'The requester of an action cannot approve it: another approver must',
    );
  }
}

export class ActionApproverRoleError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Forbidden,
      'ACTION_APPROVER_ROLE_REQUIRED',
      'Only an APPROVER or ADMIN may decide on actions',
    );
  }
}

export class ActionAlreadyApprovedError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Conflict,
      'ACTION_ALREADY_APPROVED_BY_YOU',
      'You already approved this action: it needs a different approver',
    );
  }
}

export class ActionStateConflictError extends ModuleError {
  constructor(status: ActionStatus, needed: readonly ActionStatus[]) {
    super(
      ErrorKind.Conflict,
      'ACTION_INVALID_STATE',
      `Action is ${status}; this needs ${needed.join(' or ')}`,
    );
  }
}

export class ActionExpiredError extends ModuleError {
  constructor() {
    super(ErrorKind.Conflict, 'ACTION_EXPIRED', 'Action has expired: request it again');
  }
}

/** The stored type, target or params differ from what was requested and approved. */
export class ActionChangedError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Conflict,
      'ACTION_CHANGED_SINCE_APPROVAL',
      'Action no longer matches what was requested and approved: refusing to run it',
    );
  }
}
