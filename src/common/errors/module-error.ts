/**
 * What kind of failure a module reports. Modules speak in these words; the exception filter
 * alone turns them into HTTP statuses, so services never depend on the transport.
 */
export enum ErrorKind {
  Invalid = 'invalid',
  Unauthenticated = 'unauthenticated',
  Forbidden = 'forbidden',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Unprocessable = 'unprocessable',
  RateLimited = 'rate_limited',
  Unavailable = 'unavailable',
}

export interface ModuleErrorOptions {
  /** Seconds a client should wait before retrying (sent as `Retry-After`). */
  retryAfterSeconds?: number;
  cause?: unknown;
  /** Several problems at once, sent as the list `message` (like field validation errors). */
  problems?: string[];
}

/**
 * Base of every module's error class. `code` is stable and machine-readable
 * (`CASE_NOT_FOUND`, `AUTH_PENDING_APPROVAL`); `message` is for people.
 */
export class ModuleError extends Error {
  readonly retryAfterSeconds?: number;
  readonly problems?: string[];

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    options: ModuleErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.problems = options.problems;
  }
}
