import { ErrorKind, ModuleError } from '../../common/errors/module-error';
import type { CaseStatus } from '../../generated/prisma/enums';

export class CaseNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'CASE_NOT_FOUND', 'Case not found');
  }
}

export class CaseTransitionError extends ModuleError {
  constructor(from: CaseStatus, to: CaseStatus, allowed: readonly CaseStatus[]) {
    super(
      ErrorKind.Conflict,
      'CASE_ILLEGAL_TRANSITION',
      `A case cannot move from ${from} to ${to}; from ${from} it may move to ${allowed.join(', ')}`,
    );
  }
}

export class CaseResolutionRequiredError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Invalid,
      'CASE_RESOLUTION_REQUIRED',
      'Closing a case needs a resolution: TRUE_POSITIVE, FALSE_POSITIVE, BENIGN or DUPLICATE',
    );
  }
}

export class CaseResolutionNotClosingError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Invalid,
      'CASE_RESOLUTION_NOT_CLOSING',
      'resolution and resolutionNote belong to a closed case: send them with status CLOSED',
    );
  }
}

export class CaseAssigneeInvalidError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Invalid,
      'CASE_ASSIGNEE_INVALID',
      'assigneeId must be an active ANALYST, APPROVER or ADMIN',
    );
  }
}

export class CaseClosedError extends ModuleError {
  constructor(what: string) {
    super(ErrorKind.Conflict, 'CASE_CLOSED', `The case is CLOSED: reopen it before ${what}`);
  }
}

export class CaseAlertsNotFoundError extends ModuleError {
  constructor(alertIds: string[]) {
    super(ErrorKind.Invalid, 'CASE_ALERTS_NOT_FOUND', `Unknown alerts: ${alertIds.join(', ')}`);
  }
}

export class CaseAlertInOtherCaseError extends ModuleError {
  constructor(alertId: string, caseId: string) {
    super(
      ErrorKind.Conflict,
      'CASE_ALERT_IN_OTHER_CASE',
      `Alert ${alertId} is already in case ${caseId}: merge the cases instead`,
    );
  }
}

export class CaseMergeIntoItselfError extends ModuleError {
  constructor() {
    super(ErrorKind.Invalid, 'CASE_MERGE_INTO_ITSELF', 'A case cannot be merged into itself');
  }
}

export class CaseMergeSourcesNotFoundError extends ModuleError {
  constructor(caseIds: string[]) {
    super(
      ErrorKind.Invalid,
      'CASE_MERGE_SOURCES_NOT_FOUND',
      `Unknown cases to merge: ${caseIds.join(', ')}`,
    );
  }
}

export class CaseMergeSourceClosedError extends ModuleError {
  constructor(caseIds: string[]) {
    super(
      ErrorKind.Conflict,
      'CASE_MERGE_SOURCE_CLOSED',
      `Closed cases cannot be merged (reopen them first): ${caseIds.join(', ')}`,
    );
  }
}
