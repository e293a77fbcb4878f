import { ErrorKind, ModuleError } from '../../../common/errors/module-error';

/**
 * A responder could not carry out its action. The message says why in words an operator can
 * act on (never a secret); the action becomes FAILED and keeps it. `retryable` is false when
 * trying again cannot help (bad settings, refused credentials, an invalid target).
 */
export class ResponderError extends ModuleError {
  constructor(
    readonly responder: string,
    message: string,
    readonly retryable: boolean,
    options: { cause?: unknown } = {},
  ) {
    super(ErrorKind.Unavailable, 'RESPONDER_FAILED', `${responder}: ${message}`, options);
  }
}
