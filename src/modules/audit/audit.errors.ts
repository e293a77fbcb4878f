import { ErrorKind, ModuleError } from '../../common/errors/module-error';

/** `?checkpoint=` is not base64 of a `{seq, hash, at, signature}` object. */
export class AuditCheckpointMalformedError extends ModuleError {
  constructor(detail: string) {
    super(
      ErrorKind.Invalid,
      'AUDIT_CHECKPOINT_MALFORMED',
      `checkpoint must be base64 of {seq, hash, at, signature} JSON: ${detail}`,
    );
  }
}

/** A well-formed checkpoint this service's key did not sign: it proves nothing about the log. */
export class AuditCheckpointSignatureError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Unprocessable,
      'AUDIT_CHECKPOINT_SIGNATURE_INVALID',
      'The checkpoint signature does not verify with this service’s audit public key',
    );
  }
}
