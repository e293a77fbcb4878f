import {
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  handleWhen,
  isBrokenCircuitError,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IBackoffFactory,
} from 'cockatiel';
import { ProviderError } from '../providers/provider.errors';
import type { ProviderName } from '../providers/provider.types';
import { systemClock, type Clock } from '../../../common/time/clock';

export interface BreakerOptions {
  /** Consecutive vendor failures that open the circuit. */
  failureThreshold: number;
  /** How long the circuit stays open before one trial call is let through. */
  cooldownMs: number;
}

export type BreakerState = 'closed' | 'open' | 'half_open';

const BREAKER_FAILURE_KINDS = new Set(['unavailable', 'timeout', 'bad_response', 'rate_limited']);

/** Vendor-side failures only: a rejected key or our own limiter says nothing about vendor health. */
export function countsAsBreakerFailure(error: unknown): boolean {
  return error instanceof ProviderError && !error.local && BREAKER_FAILURE_KINDS.has(error.kind);
}

/** cockatiel's consecutive-failure breaker, with its cool-down measured on our clock. */
export class ProviderCircuitBreaker {
  private readonly policy: CircuitBreakerPolicy;
  private readonly cooldown: ClockCooldown;

  constructor(
    private readonly provider: ProviderName,
    options: BreakerOptions,
    clock: Clock = systemClock,
  ) {
    this.cooldown = new ClockCooldown(clock, options.cooldownMs);
    this.policy = circuitBreaker(handleWhen(countsAsBreakerFailure), {
      halfOpenAfter: this.cooldown,
      breaker: new ConsecutiveBreaker(options.failureThreshold),
    });
  }

  get state(): BreakerState {
    const state = this.policy.state;
    if (state === CircuitState.Closed) return 'closed';
    if (state === CircuitState.HalfOpen) return 'half_open';
    return this.cooldown.remainingMs() > 0 ? 'open' : 'half_open';
  }

  /** Fails fast (before a rate-limit token is spent) while the circuit is open. */
  assertCallable(): void {
    const remaining = this.cooldown.remainingMs();
    if (this.policy.state === CircuitState.Open && remaining > 0) throw this.openError(remaining);
  }

  async execute<T>(fn: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await this.policy.execute((context) => fn(context.signal), signal);
    } catch (error) {
      if (isBrokenCircuitError(error)) throw this.openError(this.cooldown.remainingMs());
      throw error;
    }
  }

  private openError(remainingMs: number): ProviderError {
    return new ProviderError(
      this.provider,
      'circuit_open',
      'circuit open after repeated failures',
      {
        local: true,
        retryAfterMs: Math.ceil(remainingMs),
      },
    );
  }
}

/**
 * cockatiel compares Date.now() with the backoff's `duration`; answering 0 or Infinity
 * from our clock lets tests move time without touching the real one.
 */
class ClockCooldown implements IBackoffFactory<unknown> {
  private openUntil = 0;

  constructor(
    private readonly clock: Clock,
    private readonly cooldownMs: number,
  ) {}

  next(): IBackoff<unknown> {
    this.openUntil = this.clock.now() + this.cooldownMs;
    const isOver = (): boolean => this.clock.now() >= this.openUntil;
    return {
      get duration() {
        return isOver() ? 0 : Number.POSITIVE_INFINITY;
      },
      next: () => this.next(),
    };
  }

  remainingMs(): number {
    return Math.max(0, this.openUntil - this.clock.now());
  }
}
