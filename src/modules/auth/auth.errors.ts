import { ErrorKind, ModuleError } from '../../common/errors/module-error';

/** Same words for an unknown email, a wrong password and a deactivated account. */
export class InvalidCredentialsError extends ModuleError {
  constructor() {
    super(ErrorKind.Unauthenticated, 'AUTH_INVALID_CREDENTIALS', 'Invalid email or password');
  }
}

export class PendingApprovalError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Forbidden,
      'AUTH_PENDING_APPROVAL',
      'This account is pending approval by an administrator',
    );
  }
}

export class SignupClosedError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Forbidden,
      'AUTH_SIGNUP_CLOSED',
      'Signup is closed; ask an administrator to create your account',
    );
  }
}

export class LoginThrottledError extends ModuleError {
  constructor(retryAfterSeconds: number) {
    super(
      ErrorKind.RateLimited,
      'AUTH_LOGIN_THROTTLED',
      `Too many failed logins; retry in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }
}

export class UserNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'USER_NOT_FOUND', 'User not found');
  }
}

export class EmailTakenError extends ModuleError {
  constructor() {
    super(ErrorKind.Conflict, 'USER_EMAIL_TAKEN', 'User with this email already exists');
  }
}

export class SlackUserIdTakenError extends ModuleError {
  constructor() {
    super(ErrorKind.Conflict, 'USER_SLACK_ID_TAKEN', 'Another user already has this slackUserId');
  }
}

export class LastAdminError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Conflict,
      'USER_LAST_ADMIN',
      'The last active ADMIN cannot be demoted or deactivated',
    );
  }
}

export class ApiKeyNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'API_KEY_NOT_FOUND', 'API key not found');
  }
}

/** Every refusal of a signed ingest request; the code says which check failed. */
export class IngestSignatureError extends ModuleError {
  constructor(code: string, message: string) {
    super(ErrorKind.Unauthenticated, code, message);
  }

  static missing(): IngestSignatureError {
    return new IngestSignatureError(
      'INGEST_SIGNATURE_MISSING',
      'This key requires X-Signature-Timestamp (unix seconds) and X-Signature: sha256=<hex>',
    );
  }

  static stale(toleranceSeconds: number): IngestSignatureError {
    return new IngestSignatureError(
      'INGEST_SIGNATURE_STALE',
      `X-Signature-Timestamp is more than ${toleranceSeconds} s away from the server's clock`,
    );
  }

  static mismatch(): IngestSignatureError {
    return new IngestSignatureError(
      'INGEST_SIGNATURE_INVALID',
      'Invalid X-Signature (expected sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">)',
    );
  }

  static replayed(): IngestSignatureError {
    return new IngestSignatureError(
      'INGEST_SIGNATURE_REPLAYED',
      'This signature was already accepted; sign each request with a fresh timestamp',
    );
  }
}
