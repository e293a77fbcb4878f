import { ErrorKind, ModuleError } from '../../common/errors/module-error';

/** A step could not do its work; recorded on its row, never an HTTP answer by itself. */
export class PlaybookStepError extends ModuleError {
  constructor(message: string) {
    super(ErrorKind.Unprocessable, 'PLAYBOOK_STEP_FAILED', message);
  }
}

export class PlaybookRunNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'PLAYBOOK_RUN_NOT_FOUND', 'Playbook run not found');
  }
}

export class PlaybookForRunNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'PLAYBOOK_NOT_FOUND', 'Playbook not found');
  }
}

export class PlaybookDisabledError extends ModuleError {
  constructor() {
    super(ErrorKind.Conflict, 'PLAYBOOK_DISABLED', 'Playbook is disabled');
  }
}

export class PlaybookRunSubjectError extends ModuleError {
  constructor(message: string) {
    super(ErrorKind.Invalid, 'PLAYBOOK_RUN_SUBJECT_INVALID', message);
  }
}

export class PlaybookRunNotRetryableError extends ModuleError {
  constructor(status: string) {
    super(
      ErrorKind.Conflict,
      'PLAYBOOK_RUN_NOT_RETRYABLE',
      `Only a FAILED run can be retried; this one is ${status}`,
    );
  }
}

export class PlaybookSubjectNotFoundError extends ModuleError {
  constructor(what: 'alert' | 'case') {
    super(ErrorKind.NotFound, `${what.toUpperCase()}_NOT_FOUND`, `No such ${what}`);
  }
}

/** An automatic run's job came before its alert's score was stored; the queue retries it. */
export class PlaybookAlertNotScoredError extends ModuleError {
  constructor() {
    super(ErrorKind.Unavailable, 'PLAYBOOK_ALERT_NOT_SCORED', 'The alert is not scored yet');
  }
}
