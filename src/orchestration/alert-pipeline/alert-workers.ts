import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { JobResult, JobWithMetadata } from 'pg-boss';
import { observeJob } from '../../common/telemetry/telemetry';
import { AppConfig } from '../../config/app-config';
import { Database } from '../../database/database';
import type { JobMap } from '../../queue/job-map';
import { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import { AlertProcessingRepository, StuckAlertSweeper } from '../../modules/alerts';
import { AlertPipeline, type PipelineResult } from './alert-pipeline';

type AlertJob = JobWithMetadata<JobMap[QueueName.ProcessAlert | QueueName.ReenrichAlert]>;

/** Registers the queue workers of this process (WORKERS of them; none when WORKERS=0). */
@Injectable()
export class AlertWorkers implements OnApplicationBootstrap {
  private readonly logger = new Logger('AlertWorkers');

  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly queue: QueueService,
    private readonly pipeline: AlertPipeline,
    private readonly repository: AlertProcessingRepository,
    private readonly sweeper: StuckAlertSweeper,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workers === 0) {
      this.logger.warn(
        'WORKERS=0: this process only receives alerts; run `npm run start:worker` to process them',
      );
      return;
    }
    const options = {
      batchSize: this.config.workerBatchSize,
      localConcurrency: this.config.workers,
      includeMetadata: true,
      burstWhenBatchFull: true,
      // LISTEN/NOTIFY (PostgreSQL) wakes workers for new jobs, but not for retries coming due
      // after their backoff; those wait for the poll, so it stays short in both modes.
      pollingIntervalSeconds: this.database.mode === 'embedded' ? 0.5 : 2,
      notifyPollingIntervalSeconds: 2,
    };
    await this.queue.work(QueueName.ProcessAlert, options, (jobs) =>
      this.settle(jobs as JobWithMetadata<JobMap[QueueName.ProcessAlert]>[], (job) =>
        this.pipeline.execute(job.data.alertId),
      ),
    );
    await this.queue.work(QueueName.ReenrichAlert, options, (jobs) =>
      this.settle(jobs as JobWithMetadata<JobMap[QueueName.ReenrichAlert]>[], (job) =>
        this.pipeline.reassess(job.data.alertId, job.data.round),
      ),
    );
    await this.queue.work(QueueName.SweepStuckAlerts, { batchSize: 1 }, async (jobs) => {
      const swept = await this.sweeper.sweep();
      return jobs.map((job) => ({ id: job.id, status: 'completed' as const, output: swept }));
    });
    await this.queue.schedule(QueueName.SweepStuckAlerts, '* * * * *');
    this.logger.log(`${this.config.workers} alert worker(s) started`);
  }

  /** Runs a batch concurrently and settles each job on its own outcome. */
  private async settle<J extends AlertJob>(
    jobs: J[],
    run: (job: J) => Promise<PipelineResult>,
  ): Promise<JobResult[]> {
    const outcomes = await Promise.allSettled(
      jobs.map((job) => observeJob(job.name, job.createdOn, () => run(job))),
    );
    return Promise.all(
      outcomes.map(async (outcome, index): Promise<JobResult> => {
        const job = jobs[index];
        if (outcome.status === 'fulfilled')
          return { id: job.id, status: 'completed', output: outcome.value };
        const message =
          outcome.reason instanceof Error ? outcome.reason.message : String(outcome.reason);
        const final = job.retryCount >= job.retryLimit;
        this.logger.warn(
          `Alert ${job.data.alertId} failed (attempt ${job.retryCount + 1}${final ? ', giving up' : ''}): ${message}`,
        );
        if (final) await this.repository.markFailed(job.data.alertId, message);
        return { id: job.id, status: 'failed', output: { message } };
      }),
    );
  }
}
