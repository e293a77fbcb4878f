import { ProviderError } from '../providers/provider.errors';
import { backoffDelayMs } from '../../../common/time/backoff';
import type { Clock } from '../../../common/time/clock';

export interface RetryOptions {
  /** Retries after the first attempt (capped at 3). */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the error surfaces at once. */
  maxRetryAfterMs: number;
}

export const MAX_RETRIES = 3;
const RETRIED_KINDS = new Set(['rate_limited', 'unavailable', 'timeout']);

/**
 * Delay before the next attempt, or undefined when the error must surface now.
 * Hand-written rather than cockatiel's retry so that Retry-After is honoured and the
 * sleep runs on the injectable clock.
 */
export function retryDelayMs(
  error: unknown,
  retryIndex: number,
  options: RetryOptions,
  random: () => number,
): number | undefined {
  if (!(error instanceof ProviderError) || error.local || !error.retryable) return undefined;
  if (!RETRIED_KINDS.has(error.kind)) return undefined;
  if (error.retryAfterMs !== undefined) {
    return error.retryAfterMs <= options.maxRetryAfterMs ? error.retryAfterMs : undefined;
  }
  return backoffDelayMs(retryIndex, options, random);
}

export interface RetryContext {
  clock: Clock;
  random: () => number;
  signal?: AbortSignal;
}

export async function withRetries<T>(
  attempt: () => Promise<T>,
  options: RetryOptions,
  context: RetryContext,
): Promise<T> {
  const maxRetries = Math.min(MAX_RETRIES, Math.max(0, options.maxRetries));
  for (let retryIndex = 0; ; retryIndex++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = retryDelayMs(error, retryIndex, options, context.random);
      if (delay === undefined || retryIndex >= maxRetries || context.signal?.aborted) throw error;
      await context.clock.sleep(delay, context.signal);
    }
  }
}
