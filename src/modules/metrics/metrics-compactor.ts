import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { MetricsRepository } from './metrics.repository';

const COMPACT_EVERY_MS = 10_000;

/** Folds rollup deltas now and then, so the rollups stay small to read. */
@Injectable()
export class MetricsCompactor implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsCompactor.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly repository: MetricsRepository) {}

  onModuleInit(): void {
    this.timer = setInterval(() => {
      this.repository.compact().catch((error: unknown) => {
        this.logger.warn(`Rollup compaction failed (retried later): ${String(error)}`);
      });
    }, COMPACT_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
