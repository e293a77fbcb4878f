import { ErrorKind, ModuleError } from '../../common/errors/module-error';

export class AlertNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'ALERT_NOT_FOUND', 'Alert not found');
  }
}

export class UnknownConnectorError extends ModuleError {
  constructor(connector: string, known: readonly string[]) {
    super(
      ErrorKind.NotFound,
      'ALERT_UNKNOWN_CONNECTOR',
      `Unknown connector "${connector}"; use one of ${known.join(', ')}`,
    );
  }
}

/** A webhook body that holds no alert (empty, not objects, too many). */
export class InvalidIngestPayloadError extends ModuleError {
  constructor(message: string) {
    super(ErrorKind.Invalid, 'ALERT_INVALID_PAYLOAD', message);
  }
}
