import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { ActionStatus, CaseEventType } from '../../../generated/prisma/enums';
import { JobsRepository, type JobView } from '../../../queue/jobs.repository';
import { QueueName } from '../../../queue/queue-names';
import { AuditAction } from '../../audit';
import { ActionJournal } from '../action-journal';
import { ActionsRepository, type ActionRow } from '../actions.repository';

const BATCH = 100;
const LIVE_JOB_STATES: JobView['state'][] = ['queued', 'processing'];

/**
 * Part of the periodic sweep: an action EXECUTING past ACTION_EXECUTION_TIMEOUT_SECONDS whose
 * execution job is no longer queued, retrying or running (it failed every try outside the
 * responder, completed without finishing the action, or is gone) would wait forever. It
 * becomes FAILED, audited, so an operator can retry it. A live job is left alone, however long.
 */
@Injectable()
export class ActionReaper {
  constructor(
    private readonly repository: ActionsRepository,
    private readonly jobs: JobsRepository,
    private readonly journal: ActionJournal,
    private readonly config: AppConfig,
  ) {}

  /** How many actions failed. The rows stay locked while their jobs are read. */
  async sweep(): Promise<number> {
    return this.repository.transaction(async (client) => {
      const stale = await this.repository.lockStaleExecuting(
        client,
        this.config.actions.executionTimeoutSeconds,
        BATCH,
      );
      if (stale.length === 0) return 0;
      const jobs = await this.jobs.latestByKey(
        QueueName.ExecuteAction,
        stale.map((action) => action.id),
        client,
      );
      let reaped = 0;
      for (const action of stale) {
        const job = jobs.get(action.id);
        if (job && LIVE_JOB_STATES.includes(job.state)) continue;
        const error = lostJobError(action, job);
        const failed = await this.repository.markFinished(client, action.id, {
          status: ActionStatus.FAILED,
          output: { responder: null, retryable: true, jobId: job?.id ?? null },
          effects: [],
          mode: action.mode,
          error,
        });
        if (!failed) continue;
        await this.journal.record(client, {
          action: failed,
          audit: AuditAction.ActionFailed,
          before: ActionStatus.EXECUTING,
          actor: null,
          job: 'action-reaper',
          event: CaseEventType.ACTION_EXECUTED,
          data: { error, jobId: job?.id ?? null, startedAt: action.startedAt },
        });
        reaped += 1;
      }
      return reaped;
    });
  }
}

function lostJobError(action: ActionRow, job: JobView | undefined): string {
  const since = `EXECUTING since ${action.startedAt?.toISOString() ?? 'unknown'}`;
  if (!job) return `execution job lost: no action.execute job found; ${since}`;
  const state = job.state === 'done' ? 'completed without finishing the action' : job.state;
  const reason = job.error ? `: ${job.error}` : '';
  return `execution job lost: job ${job.id} ${state}${reason}; ${since}`.slice(0, 2000);
}
