import { ProviderError } from '../providers/provider.errors';
import type { ProviderName } from '../providers/provider.types';
import { systemClock, type Clock } from '../../../common/time/clock';

export interface RateLimit {
  /** Largest burst. */
  capacity: number;
  /** `refillTokens` come back, continuously, every `refillIntervalMs`. */
  refillTokens: number;
  refillIntervalMs: number;
}

export interface AcquireOptions {
  signal?: AbortSignal;
  /** Give up (rate_limited, local) rather than wait longer than this. Default: no bound. */
  maxWaitMs?: number;
}

/**
 * Token bucket with reservations: a caller takes its token at once (the balance may go
 * negative) and sleeps until the balance covers it, so waiters are served in order.
 */
export class TokenBucket {
  private tokens: number;
  private updatedAt: number;
  private blockedUntil = 0;
  private readonly perMs: number;

  constructor(
    private readonly provider: ProviderName,
    private readonly limit: RateLimit,
    private readonly clock: Clock = systemClock,
  ) {
    if (!(limit.capacity >= 1 && limit.refillTokens > 0 && limit.refillIntervalMs > 0)) {
      throw new RangeError(`${provider}: rate limit needs capacity >= 1 and a positive refill`);
    }
    this.tokens = limit.capacity;
    this.updatedAt = clock.now();
    this.perMs = limit.refillTokens / limit.refillIntervalMs;
  }

  /** Tokens available now (negative while reservations are outstanding). */
  available(): number {
    this.refill();
    return this.tokens;
  }

  async acquire(options: AcquireOptions = {}): Promise<void> {
    const { signal, maxWaitMs = Number.POSITIVE_INFINITY } = options;
    signal?.throwIfAborted();
    this.refill();
    const now = this.clock.now();
    const wait = Math.max(this.blockedUntil - now, (1 - this.tokens) / this.perMs, 0);
    if (wait > maxWaitMs) {
      throw new ProviderError(
        this.provider,
        'rate_limited',
        `local rate limit, next slot in ${Math.ceil(wait)} ms`,
        {
          local: true,
          retryAfterMs: Math.ceil(wait),
        },
      );
    }
    this.tokens -= 1;
    if (wait === 0) return;
    try {
      await this.clock.sleep(Math.ceil(wait), signal);
    } catch (error) {
      this.tokens += 1;
      throw error;
    }
  }

  /** The vendor answered 429 with Retry-After: hold every caller back until then. */
  pauseFor(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + ms);
  }

  private refill(): void {
    const now = this.clock.now();
    const elapsed = Math.max(0, now - this.updatedAt);
    this.tokens = Math.min(this.limit.capacity, this.tokens + elapsed * this.perMs);
    this.updatedAt = now;
  }
}
