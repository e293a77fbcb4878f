import { ErrorKind, ModuleError } from '../../common/errors/module-error';

export class UnknownAlertActionError extends ModuleError {
  constructor(name: string, known: readonly string[]) {
    super(
      ErrorKind.NotFound,
      'ALERT_ACTION_UNKNOWN',
      `Unknown action "${name}"; use one of ${known.join(', ')}`,
    );
  }
}

export class AlertForActionNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'ALERT_NOT_FOUND', 'Alert not found');
  }
}

export class AlertActionParametersError extends ModuleError {
  constructor(message: string) {
    super(ErrorKind.Invalid, 'ALERT_ACTION_PARAMETERS_INVALID', message);
  }
}
