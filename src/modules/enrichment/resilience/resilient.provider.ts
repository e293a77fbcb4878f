import { bulkhead, isBulkheadRejectedError, type BulkheadPolicy } from 'cockatiel';
import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';
import { ProviderError } from '../providers/provider.errors';
import type { EnrichmentProvider, ProviderName, ProviderResult } from '../providers/provider.types';
import { abortable } from '../../../common/time/abortable';
import { ProviderCircuitBreaker, type BreakerState } from './circuit-breaker';
import { systemClock, type Clock } from '../../../common/time/clock';
import type { ResilienceOptions } from './resilience.defaults';
import { withRetries } from './retry';
import { TokenBucket } from './token-bucket';

export interface ResilienceDeps {
  clock?: Clock;
  /** 0..1, for retry jitter. */
  random?: () => number;
}

export interface LookupOptions {
  /** Longest wait for a rate-limit token per attempt; 0 = only if one is free now. */
  maxWaitMs?: number;
}

/**
 * Wraps a provider: circuit check -> rate-limit token -> concurrency slot -> breaker-counted
 * call, the whole retried with backoff. Each HTTP attempt spends one token.
 */
export class ResilientProvider implements EnrichmentProvider {
  readonly name: ProviderName;
  private readonly bucket: TokenBucket | undefined;
  private readonly breaker: ProviderCircuitBreaker;
  private readonly slots: BulkheadPolicy;
  private readonly clock: Clock;
  private readonly random: () => number;

  constructor(
    readonly inner: EnrichmentProvider,
    private readonly options: ResilienceOptions,
    deps: ResilienceDeps = {},
  ) {
    this.name = inner.name;
    this.clock = deps.clock ?? systemClock;
    this.random = deps.random ?? Math.random;
    this.bucket = options.rateLimit
      ? new TokenBucket(inner.name, options.rateLimit, this.clock)
      : undefined;
    this.breaker = new ProviderCircuitBreaker(inner.name, options.breaker, this.clock);
    this.slots = bulkhead(options.maxConcurrent, options.maxQueued);
  }

  get circuitState(): BreakerState {
    return this.breaker.state;
  }

  supports(type: IndicatorType): boolean {
    return this.inner.supports(type);
  }

  start(): void {
    this.inner.start?.();
  }

  stop(): void {
    this.inner.stop?.();
  }

  lookup(
    indicator: Indicator,
    signal?: AbortSignal,
    options: LookupOptions = {},
  ): Promise<ProviderResult> {
    const maxWaitMs = options.maxWaitMs ?? this.options.maxWaitMs;
    return withRetries(() => this.attempt(indicator, maxWaitMs, signal), this.options.retry, {
      clock: this.clock,
      random: this.random,
      signal,
    });
  }

  private async attempt(
    indicator: Indicator,
    maxWaitMs: number,
    signal?: AbortSignal,
  ): Promise<ProviderResult> {
    this.breaker.assertCallable();
    await this.bucket?.acquire({ signal, maxWaitMs });
    const call = (): Promise<ProviderResult> =>
      this.breaker.execute((inner) => this.inner.lookup(indicator, inner), signal);
    try {
      return await abortable(this.slots.execute(call, signal), signal);
    } catch (error) {
      if (isBulkheadRejectedError(error)) {
        throw new ProviderError(this.name, 'rate_limited', 'too many lookups queued', {
          local: true,
        });
      }
      this.holdBackOnRateLimit(error);
      throw error;
    }
  }

  /** A vendor 429 with Retry-After holds back every caller, not only the one that got it. */
  private holdBackOnRateLimit(error: unknown): void {
    if (error instanceof ProviderError && !error.local && error.kind === 'rate_limited') {
      if (error.retryAfterMs) this.bucket?.pauseFor(error.retryAfterMs);
    }
  }
}
