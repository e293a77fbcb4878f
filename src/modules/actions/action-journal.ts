import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { AuthUser } from '../../common/auth/auth-user';
import { ActionStatus, type CaseEventType } from '../../generated/prisma/enums';
import { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import { AuditService, systemActor, type AuditAction, type AuditActor } from '../audit';
import { CasesService } from '../cases';
import type { ActionRow } from './actions.repository';

export interface JournalEntry {
  action: ActionRow;
  audit: AuditAction;
  before: ActionStatus | null;
  /** null: the system (expiry, the worker, a timed unblock), named by `job`. */
  actor: AuthUser | null;
  job?: string;
  /** How the audit log names the actor when not plainly the user (a Slack decision). */
  auditActor?: AuditActor;
  ip?: string | null;
  /** The case timeline event, when the change belongs there. */
  event?: CaseEventType;
  data?: Record<string, unknown>;
}

const FINAL: ReadonlySet<ActionStatus> = new Set([
  ActionStatus.EXECUTED,
  ActionStatus.FAILED,
  ActionStatus.REJECTED,
  ActionStatus.EXPIRED,
]);

/**
 * Records one change of an action in the audit log and on its case's timeline, inside the
 * transaction that made the change, so neither exists without the other.
 */
@Injectable()
export class ActionJournal {
  constructor(
    private readonly audit: AuditService,
    private readonly cases: CasesService,
    private readonly queue: QueueService,
  ) {}

  async record(client: PoolClient, entry: JournalEntry): Promise<void> {
    const { action, before, actor } = entry;
    const facts = {
      actionId: action.id,
      actionType: action.actionType,
      target: action.target,
      before,
      after: action.status,
      ...entry.data,
    };
    await this.audit.recordWith(client, {
      actor: entry.auditActor ?? actor ?? systemActor(entry.job ?? 'actions'),
      action: entry.audit,
      entityType: 'action',
      entityId: action.id,
      ip: entry.ip ?? null,
      data: { caseId: action.caseId, ...facts },
    });
    if (entry.event)
      await this.cases.addEvent(action.caseId, entry.event, facts, actor?.id ?? null, client);
    // A playbook step waits on this action: its run resumes once the outcome has committed.
    if (action.playbookRunId && before !== action.status && FINAL.has(action.status))
      await this.queue.insertInTransaction(client, QueueName.PlaybookResume, [
        { data: { runId: action.playbookRunId, actionId: action.id } },
      ]);
  }
}
