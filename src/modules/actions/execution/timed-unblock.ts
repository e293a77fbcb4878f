import { Injectable } from '@nestjs/common';
import { ActionStatus, ActionType, CaseEventType } from '../../../generated/prisma/enums';
import { QueueName } from '../../../queue/queue-names';
import { QueueService } from '../../../queue/queue.service';
import { AuditAction } from '../../audit';
import { ActionJournal } from '../action-journal';
import { requestHash } from '../action-request-hash';
import { ActionsRepository } from '../actions.repository';

/**
 * Lifts a timed BLOCK_IP when it is due: the system requests its own UNBLOCK_IP on the same
 * case (no approval: it undoes an approved action) and runs it. One undo per block, however
 * often the job runs.
 */
@Injectable()
export class TimedUnblock {
  constructor(
    private readonly repository: ActionsRepository,
    private readonly journal: ActionJournal,
    private readonly queue: QueueService,
  ) {}

  /** The unblock's id, or null when the block is not in force (never executed, gone). */
  async lift(blockId: string): Promise<string | null> {
    const block = await this.repository.find(blockId);
    if (block?.actionType !== ActionType.BLOCK_IP || block.status !== ActionStatus.EXECUTED)
      return null;
    return this.repository.transaction(async (client) => {
      const body = { actionType: ActionType.UNBLOCK_IP, target: block.target, params: {} };
      const unblock = await this.repository.insert(client, {
        ...body,
        caseId: block.caseId,
        alertId: block.alertId,
        playbookRunId: null,
        reason: `Timed block ${block.id} is due to be lifted`,
        status: ActionStatus.EXECUTING,
        requiresApproval: false,
        requiredApprovals: 0,
        requestedById: null,
        requestHash: requestHash(body),
        ttlSeconds: null,
        unblockOfId: block.id,
      });
      if (!unblock) return (await this.repository.findUnblockOf(client, block.id))?.id ?? null;
      await this.journal.record(client, {
        action: unblock,
        audit: AuditAction.ActionRequested,
        before: null,
        actor: null,
        job: 'timed-unblock',
        event: CaseEventType.ACTION_REQUESTED,
        data: { unblockOf: block.id, automatic: true },
      });
      await this.queue.insertInTransaction(client, QueueName.ExecuteAction, [
        { data: { actionId: unblock.id }, singletonKey: unblock.id },
      ]);
      return unblock.id;
    });
  }
}
