export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
}

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * min(maxDelayMs, baseDelayMs * 2^n), so concurrent callers spread out without ever retrying
 * at once. `random` is 0..1 (injectable for deterministic tests).
 */
export function backoffDelayMs(
  retryIndex: number,
  options: BackoffOptions,
  random: () => number,
): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** retryIndex);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
