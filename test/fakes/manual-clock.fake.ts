import type { Clock } from '../../src/common/time/clock';

interface Sleeper {
  until: number;
  resolve: () => void;
}

/**
 * Virtual time. With `autoAdvance` (default) a sleep moves the clock forward and resolves at
 * once; without it sleeps stay pending until `advance` passes their deadline.
 */
export class ManualClock implements Clock {
  /** Every sleep asked for, in order (retry backoffs, rate-limit waits). */
  readonly sleeps: number[] = [];
  private sleepers: Sleeper[] = [];

  constructor(
    private time = 1_700_000_000_000,
    private readonly autoAdvance = true,
  ) {}

  now(): number {
    return this.time;
  }

  advance(ms: number): void {
    this.time += ms;
    const due = this.sleepers.filter((s) => s.until <= this.time);
    this.sleepers = this.sleepers.filter((s) => s.until > this.time);
    due.forEach((s) => s.resolve());
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    this.sleeps.push(ms);
    if (this.autoAdvance) {
      this.time += ms;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const sleeper = { until: this.time + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener('abort', () => {
        this.sleepers = this.sleepers.filter((s) => s !== sleeper);
        reject(signal.reason as Error);
      });
    });
  }
}
