import type { Logger } from '@nestjs/common';

/**
 * Housekeeping (pruning expired rows) triggered by ordinary traffic instead of a timer:
 * runs at most once per interval per process, off the caller's path; failures are logged.
 */
export class OccasionalTask {
  private lastRunAt = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly name: string,
    private readonly everyMs: number,
    private readonly task: (nowMs: number) => Promise<void>,
    private readonly logger: Logger,
  ) {}

  maybeRun(nowMs: number): void {
    if (nowMs - this.lastRunAt < this.everyMs) return;
    this.lastRunAt = nowMs;
    this.task(nowMs).catch((error: Error) =>
      this.logger.warn(`${this.name} failed: ${error.message}`),
    );
  }
}
