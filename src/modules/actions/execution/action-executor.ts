import { Injectable, Logger } from '@nestjs/common';
import { isJsonObject, type JsonObject } from '../../../common/types/json';
import { storableJsonValue } from '../../../common/types/storable-json';
import { AppConfig } from '../../../config/app-config';
import { ActionStatus, ActionType, CaseEventType } from '../../../generated/prisma/enums';
import { QueueName } from '../../../queue/queue-names';
import { QueueService } from '../../../queue/queue.service';
import { AuditAction } from '../../audit';
import { CasesService } from '../../cases';
import { ActionJournal } from '../action-journal';
import { CONTAINMENT_TYPES } from '../action-status.machine';
import { ActionsRepository, type ActionRow, type Outcome } from '../actions.repository';
import { ResponderMode, type ResponderResult } from '../responders/responder';
import { ResponderError } from '../responders/responder.errors';
import { ResponderResolver } from './responder-resolver';

export interface ExecutionAttempt {
  /** pg-boss will not retry this job again: a failure now is final. */
  final: boolean;
  /** The job's earlier tries (pg-boss retryCount). */
  retries: number;
  signal?: AbortSignal;
}

/**
 * The worker side of execute: runs the responder for an EXECUTING action with the action id
 * as idempotency key and stores the outcome. A job repeated after a crash finds the action
 * still EXECUTING and runs again; the responder's own check keeps it from acting twice.
 */
@Injectable()
export class ActionExecutor {
  private readonly logger = new Logger(ActionExecutor.name);

  constructor(
    private readonly repository: ActionsRepository,
    private readonly resolver: ResponderResolver,
    private readonly journal: ActionJournal,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
    private readonly cases: CasesService,
  ) {}

  async run(actionId: string, attempt: ExecutionAttempt): Promise<ActionStatus | 'skipped'> {
    const action = await this.repository.find(actionId);
    if (action?.status !== ActionStatus.EXECUTING) return 'skipped';
    const mode =
      this.config.notifyOnly && CONTAINMENT_TYPES.has(action.actionType)
        ? ResponderMode.NotifyOnly
        : ResponderMode.Live;
    let outcome: Outcome;
    try {
      // Earlier finished runs (POST /retry after FAILED) plus this job's own retries.
      const number = action.attempts + attempt.retries + 1;
      const result = await this.callResponder(action, mode, number, attempt.signal);
      outcome = { status: ActionStatus.EXECUTED, ...describe(result), mode, error: null };
    } catch (error) {
      // Worth another try (a timeout, a 503, our own database): let the queue retry with backoff.
      const retryable = !(error instanceof ResponderError) || error.retryable;
      if (retryable && !attempt.final) throw error;
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Action ${actionId} (${action.actionType}) failed: ${message}`);
      outcome = {
        status: ActionStatus.FAILED,
        output: { responder: error instanceof ResponderError ? error.responder : null, retryable },
        effects: [],
        mode,
        error: message.slice(0, 2000),
      };
    }
    await this.finish(action, outcome);
    return outcome.status;
  }

  private async callResponder(
    action: ActionRow,
    mode: ResponderMode,
    attempt: number,
    signal?: AbortSignal,
  ): Promise<ResponderResult & { responder: string }> {
    const block = action.unblockOfId ? await this.repository.find(action.unblockOfId) : null;
    const placedBy = block && isJsonObject(block.output) ? block.output.responder : null;
    const responder = await this.resolver.resolve(
      action.actionType,
      typeof placedBy === 'string' ? placedBy : null,
    );
    const result = await responder.execute({
      actionId: action.id,
      actionType: action.actionType,
      target: action.target,
      params: isJsonObject(action.params) ? action.params : {},
      context: await this.repository.responseContext(action),
      mode,
      attempt,
      signal,
    });
    return { ...result, responder: responder.name };
  }

  private async finish(action: ActionRow, outcome: Outcome): Promise<void> {
    await this.repository.transaction(async (client) => {
      const finished = await this.repository.markFinished(client, action.id, outcome);
      if (!finished) return;
      await this.journal.record(client, {
        action: finished,
        audit:
          outcome.status === ActionStatus.EXECUTED
            ? AuditAction.ActionExecuted
            : AuditAction.ActionFailed,
        before: ActionStatus.EXECUTING,
        actor: null,
        job: 'action-worker',
        event: CaseEventType.ACTION_EXECUTED,
        data: { mode: outcome.mode, error: outcome.error },
      });
      if (outcome.status !== ActionStatus.EXECUTED) return;
      const { key, url } = outcome.output;
      if (
        action.actionType === ActionType.CREATE_TICKET &&
        typeof key === 'string' &&
        typeof url === 'string'
      )
        await this.cases.setTicket(action.caseId, key, url, client);
      const duration = isJsonObject(action.params) ? action.params.durationSeconds : undefined;
      if (action.actionType === ActionType.BLOCK_IP && typeof duration === 'number')
        await this.queue.insertInTransaction(client, QueueName.UnblockDue, [
          {
            data: { actionId: action.id },
            singletonKey: action.id,
            startAfter: new Date(Date.now() + duration * 1000),
          },
        ]);
    });
  }
}

function describe(result: ResponderResult & { responder: string }): {
  output: JsonObject;
  effects: unknown[];
} {
  const output: JsonObject = { ...result.output, responder: result.responder };
  if (result.alreadyDone) output.alreadyDone = true;
  return { output: storableJsonValue(output), effects: storableJsonValue(result.effects) };
}
