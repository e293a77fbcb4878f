import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { Job, JobResult } from 'pg-boss';
import { AppConfig } from '../../config/app-config';
import { Database } from '../../database/database';
import { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import { PlaybookRunReaper } from './playbook-run.reaper';
import { PlaybookRunner } from './playbook-runner';
import { PlaybookTriggers } from './playbook-triggers';

/** The playbook queues' workers in this process (none when WORKERS=0), and the stuck-run sweep. */
@Injectable()
export class PlaybookWorkers implements OnApplicationBootstrap {
  private readonly logger = new Logger('PlaybookWorkers');

  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly queue: QueueService,
    private readonly runner: PlaybookRunner,
    private readonly reaper: PlaybookRunReaper,
    private readonly triggers: PlaybookTriggers,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workers === 0) return;
    const options = {
      batchSize: 1,
      localConcurrency: this.config.workers,
      pollingIntervalSeconds: this.database.mode === 'embedded' ? 0.5 : 2,
    };
    await this.queue.work(QueueName.PlaybookRun, options, (jobs) =>
      settle(jobs, (job) => this.runner.advance(job.data.runId)),
    );
    await this.queue.work(QueueName.PlaybookResume, options, (jobs) =>
      settle(jobs, (job) => this.runner.resume(job.data.runId, job.data.actionId)),
    );
    await this.queue.work(QueueName.CaseChanged, options, (jobs) =>
      settle(jobs, async (job) => {
        await this.triggers.onCaseEvent(job.data.caseId, job.data.event);
      }),
    );
    await this.queue.work(QueueName.SweepStuckPlaybookRuns, { batchSize: 1 }, async (jobs) => {
      const swept = await this.reaper.sweep();
      return jobs.map((job) => ({ id: job.id, status: 'completed' as const, output: swept }));
    });
    await this.queue.schedule(QueueName.SweepStuckPlaybookRuns, '* * * * *');
    this.logger.log('Playbook workers started');
  }
}

/** Each job settles on its own outcome; a thrown error is retried by the queue. */
async function settle<T>(
  jobs: Job<T>[],
  run: (job: Job<T>) => Promise<void>,
): Promise<JobResult[]> {
  const outcomes = await Promise.allSettled(jobs.map(run));
  return outcomes.map((outcome, index) =>
    outcome.status === 'fulfilled'
      ? { id: jobs[index].id, status: 'completed' }
      : {
          id: jobs[index].id,
          status: 'failed',
          output: { message: String((outcome.reason as Error)?.message ?? outcome.reason) },
        },
  );
}
