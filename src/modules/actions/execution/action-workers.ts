import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { JobResult, JobWithMetadata } from 'pg-boss';
import { observeJob } from '../../../common/telemetry/telemetry';
import { AppConfig } from '../../../config/app-config';
import { Database } from '../../../database/database';
import { QueueName } from '../../../queue/queue-names';
import { QueueService } from '../../../queue/queue.service';
import { ActionExecutor } from './action-executor';
import { ActionExpiry } from './action-expiry';
import { ActionReaper } from './action-reaper';
import { SlackApprovals } from '../slack/slack-approvals.service';
import { TimedUnblock } from './timed-unblock';

type ActionJob = JobWithMetadata<{ actionId: string }>;

/**
 * The action queues' workers in this process (none when WORKERS=0), and the periodic sweep:
 * expiry, then actions whose execution job was lost.
 */
@Injectable()
export class ActionWorkers implements OnApplicationBootstrap {
  private readonly logger = new Logger('ActionWorkers');

  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly queue: QueueService,
    private readonly executor: ActionExecutor,
    private readonly expiry: ActionExpiry,
    private readonly reaper: ActionReaper,
    private readonly unblock: TimedUnblock,
    private readonly slackApprovals: SlackApprovals,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workers === 0) return;
    const options = {
      batchSize: 1,
      localConcurrency: this.config.workers,
      includeMetadata: true,
      pollingIntervalSeconds: this.database.mode === 'embedded' ? 0.5 : 2,
      // LISTEN/NOTIFY wakes workers for new jobs, not for delayed ones coming due (a timed unblock).
      notifyPollingIntervalSeconds: 2,
    };
    await this.queue.work(QueueName.ExecuteAction, options, (jobs) =>
      settle(jobs as ActionJob[], (job) =>
        this.executor.run(job.data.actionId, {
          final: job.retryCount >= job.retryLimit,
          retries: job.retryCount,
          signal: job.signal,
        }),
      ),
    );
    // A retried job looks for the approval message it may already have posted.
    await this.queue.work(QueueName.ActionApprovalRequested, options, (jobs) =>
      settle(jobs as ActionJob[], (job) =>
        this.slackApprovals.announce(job.data.actionId, job.retryCount > 0),
      ),
    );
    await this.queue.work(QueueName.UnblockDue, options, (jobs) =>
      settle(jobs as ActionJob[], (job) => this.unblock.lift(job.data.actionId)),
    );
    await this.queue.work(QueueName.ExpireActions, { batchSize: 1 }, async (jobs) => {
      const expired = await this.expiry.sweep();
      const lost = await this.reaper.sweep();
      return jobs.map((job) => ({
        id: job.id,
        status: 'completed' as const,
        output: { expired, lost },
      }));
    });
    await this.queue.schedule(QueueName.ExpireActions, '* * * * *');
    this.logger.log('Action workers started');
  }
}

/** Each job settles on its own outcome; a thrown error is retried by the queue. */
async function settle(
  jobs: ActionJob[],
  run: (job: ActionJob) => Promise<unknown>,
): Promise<JobResult[]> {
  const outcomes = await Promise.allSettled(
    jobs.map((job) => observeJob(job.name, job.createdOn, () => run(job))),
  );
  return outcomes.map((outcome, index) =>
    outcome.status === 'fulfilled'
      ? { id: jobs[index].id, status: 'completed', output: { result: outcome.value } }
      : {
          id: jobs[index].id,
          status: 'failed',
          output: { message: String((outcome.reason as Error)?.message ?? outcome.reason) },
        },
  );
}
