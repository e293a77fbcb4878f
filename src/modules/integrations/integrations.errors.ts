import { ErrorKind, ModuleError } from '../../common/errors/module-error';

export class IntegrationNotFoundError extends ModuleError {
  constructor(name: string, known: readonly string[]) {
    super(
      ErrorKind.NotFound,
      'INTEGRATION_NOT_FOUND',
      `No integration named "${name}"; known: ${known.join(', ')}`,
    );
  }
}

/** A bad setting; `field` is the path in the request body (`settings.timeoutMs`). */
export class IntegrationSettingsError extends ModuleError {
  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(ErrorKind.Invalid, 'INTEGRATION_INVALID_SETTING', `${field} ${detail}`);
  }
}

export class ConnectivityTestUnavailableError extends ModuleError {
  constructor(name: string) {
    super(
      ErrorKind.Unprocessable,
      'INTEGRATION_NO_CONNECTIVITY_TEST',
      `Integration ${name} has no connectivity test yet`,
    );
  }
}
