import type { ProviderName } from './provider.types';

export type ProviderErrorKind =
  'auth' | 'rate_limited' | 'unavailable' | 'timeout' | 'bad_response' | 'circuit_open' | 'blocked';

/** Whether asking again later may succeed, per kind (a 400 is bad_response and not retryable). */
const RETRYABLE_BY_DEFAULT: Record<ProviderErrorKind, boolean> = {
  auth: false,
  rate_limited: true,
  unavailable: true,
  timeout: true,
  bad_response: false,
  circuit_open: true,
  /** The SSRF guard refused the destination: only a settings change helps. */
  blocked: false,
};

export interface ProviderErrorOptions {
  retryable?: boolean;
  /** HTTP status the vendor answered with, when there was one. */
  status?: number;
  /** How long the vendor (Retry-After) or the local rate limiter asks to wait. */
  retryAfterMs?: number;
  /** True when the error comes from this process (rate-limit wait, open circuit), not the vendor. */
  local?: boolean;
}

/**
 * The only error a provider lookup rejects with (besides the caller's own abort reason).
 * It never carries request configuration, so logging it cannot leak an API key.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly retryable: boolean;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly local: boolean;

  constructor(
    readonly provider: ProviderName,
    readonly kind: ProviderErrorKind,
    message: string,
    options: ProviderErrorOptions = {},
  ) {
    super(`${provider}: ${message}`);
    this.retryable = options.retryable ?? RETRYABLE_BY_DEFAULT[kind];
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
    this.local = options.local ?? false;
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}

/** Settings that cannot build a working provider (thrown at construction, never by lookup). */
export class ProviderSettingsError extends Error {
  override readonly name = 'ProviderSettingsError';

  constructor(
    readonly provider: ProviderName,
    readonly field: string,
    message: string,
  ) {
    super(`${provider}: ${field} ${message}`);
  }
}
