import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { JobWithMetadata } from 'pg-boss';
import { AppConfig } from '../../../config/app-config';
import { Database } from '../../../database/database';
import type { JobMap } from '../../../queue/job-map';
import { QueueName } from '../../../queue/queue-names';
import { QueueService } from '../../../queue/queue.service';
import { SlackApprovals } from './slack-approvals.service';

type ApprovalJob = JobWithMetadata<JobMap[QueueName.ActionApprovalRequested]>;

/** Tells approvers in Slack about each new high-impact request (ActionApprovalRequested). */
@Injectable()
export class SlackApprovalWorker implements OnApplicationBootstrap {
  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly queue: QueueService,
    private readonly approvals: SlackApprovals,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.workers === 0) return;
    const options = {
      batchSize: 1,
      localConcurrency: this.config.workers,
      includeMetadata: true,
      pollingIntervalSeconds: this.database.mode === 'embedded' ? 0.5 : 2,
    };
    // One job per batch: a thrown error fails (and retries) exactly that job.
    await this.queue.work(QueueName.ActionApprovalRequested, options, async (jobs) => {
      const [job] = jobs as ApprovalJob[];
      const result = await this.approvals.announce(job.data.actionId, job.retryCount > 0);
      return [{ id: job.id, status: 'completed' as const, output: { result } }];
    });
  }
}
