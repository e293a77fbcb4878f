import type { BreakerOptions } from './circuit-breaker';
import { MAX_RETRIES, type RetryOptions } from './retry';
import type { RateLimit } from './token-bucket';

export interface ResilienceOptions {
  /** null: no rate limiting (local providers). */
  rateLimit: RateLimit | null;
  maxConcurrent: number;
  /** Lookups allowed to queue for a concurrency slot before being refused. */
  maxQueued: number;
  /** Default bound on waiting for a rate-limit token; a lookup may pass its own. */
  maxWaitMs: number;
  retry: RetryOptions;
  breaker: BreakerOptions;
}

/** What settings may override; anything left out keeps the provider's default. */
export interface ResilienceSettings {
  rateLimit?: Partial<RateLimit> | null;
  maxConcurrent?: number;
  maxQueued?: number;
  maxWaitMs?: number;
  retry?: Partial<RetryOptions>;
  breaker?: Partial<BreakerOptions>;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 24 * 60 * MINUTE_MS;
const BASE_RATE: RateLimit = { capacity: 10, refillTokens: 60, refillIntervalMs: MINUTE_MS };

const BASE: ResilienceOptions = {
  rateLimit: BASE_RATE,
  maxConcurrent: 4,
  maxQueued: 200,
  maxWaitMs: 10_000,
  retry: { maxRetries: 3, baseDelayMs: 500, maxDelayMs: 8_000, maxRetryAfterMs: 60_000 },
  breaker: { failureThreshold: 5, cooldownMs: MINUTE_MS },
};

/** Providers answering from memory: no rate limit, wide concurrency, nothing to retry. */
export const LOCAL_RESILIENCE: ResilienceSettings = {
  rateLimit: null,
  maxConcurrent: 64,
  retry: { maxRetries: 0 },
};

/** Provider defaults, then the settings' overrides; values that are not sane numbers are ignored. */
export function resolveResilience(
  providerDefaults: ResilienceSettings,
  overrides: ResilienceSettings = {},
): ResilienceOptions {
  const merged = applyLayer(applyLayer(BASE, providerDefaults), overrides);
  const maxRetries = Math.min(MAX_RETRIES, Math.floor(merged.retry.maxRetries));
  return { ...merged, retry: { ...merged.retry, maxRetries } };
}

function applyLayer(base: ResilienceOptions, layer: ResilienceSettings): ResilienceOptions {
  let rateLimit = base.rateLimit;
  if (layer.rateLimit === null) rateLimit = null;
  else if (layer.rateLimit)
    rateLimit = { ...(base.rateLimit ?? BASE_RATE), ...numbers(layer.rateLimit) };
  const { maxConcurrent, maxQueued, maxWaitMs } = layer;
  const scalars = { ...base, ...numbers({ maxConcurrent, maxQueued, maxWaitMs }) };
  return {
    rateLimit,
    maxConcurrent: Math.max(1, scalars.maxConcurrent),
    maxQueued: scalars.maxQueued,
    maxWaitMs: scalars.maxWaitMs,
    retry: { ...base.retry, ...numbers(layer.retry ?? {}) },
    breaker: { ...base.breaker, ...numbers(layer.breaker ?? {}) },
  };
}

/** Keeps the finite, non-negative numeric entries (settings arrive as untyped JSON). */
function numbers<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => typeof v === 'number' && Number.isFinite(v) && v >= 0),
  ) as Partial<T>;
}
