import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { AuthUser } from '../../common/auth/auth-user';
import { APPROVERS } from '../../common/auth/role-groups';
import type { Page } from '../../common/validation/pagination.dto';
import { AppConfig } from '../../config/app-config';
import { ActionStatus, CaseEventType } from '../../generated/prisma/enums';
import { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import { AuditAction, type AuditActor } from '../audit';
import { ActionJournal } from './action-journal';
import { ActionRequestPolicy } from './action-request.policy';
import { requestHash } from './action-request-hash';
import { ActionCommand, assertCan, initialStatus, requiresApproval } from './action-status.machine';
import {
  ActionAlreadyApprovedError,
  ActionApproverRoleError,
  ActionChangedError,
  ActionExpiredError,
  ActionNotFoundError,
  ActionSelfApprovalError,
} from './actions.errors';
import { ActionsRepository, type ActionRow, type ActionWithApprovals } from './actions.repository';
import type { ActionQueryDto } from './dto/action-query.dto';
import type { RequestActionDto } from './dto/request-action.dto';

/** Where a request came from besides the person: the alert or playbook run behind it. */
export interface ActionOrigin {
  alertId?: string | null;
  playbookRunId?: string | null;
}

export interface ExecutionStarted {
  action: ActionWithApprovals;
  /** False while the responder is still running (answer 202). */
  finished: boolean;
}

const POLL_MS = 100;

type CheckedRequest = Awaited<ReturnType<ActionRequestPolicy['check']>>;

/** A refusal whose state change (the expiry it found, the audited refusal) commits first. */
type Refusal = ActionExpiredError | ActionChangedError | null;

/**
 * Response actions with a person in the loop: request, four-eyes approval bound to the
 * request's hash, expiry, and durable execution through the queue.
 */
@Injectable()
export class ActionsService {
  constructor(
    private readonly repository: ActionsRepository,
    private readonly policy: ActionRequestPolicy,
    private readonly journal: ActionJournal,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Stores a request. High-impact actions wait for approval (approvers are told through the
   * queue); notifications and tickets go straight to execution.
   */
  async request(
    actor: AuthUser,
    caseId: string,
    dto: RequestActionDto,
    ip?: string,
    origin: ActionOrigin = {},
  ): Promise<ActionWithApprovals> {
    const checked = await this.policy.check(dto.actionType, dto.target, dto.params);
    const created = await this.repository.transaction((client) =>
      this.store(client, checked, caseId, dto, { actor, ip, origin }),
    );
    return this.get(created.id);
  }

  /**
   * A playbook step's request. `alongside` runs in the request's transaction, so the step row
   * stores the action's id with it (a retried step finds it instead of asking twice). Requested
   * by the person who started the run (who then cannot approve it), or by the system.
   */
  async requestForPlaybook(
    requesterId: string | null,
    caseId: string,
    dto: RequestActionDto,
    origin: ActionOrigin,
    forceApproval: boolean,
    alongside: (client: PoolClient, action: ActionRow) => Promise<void>,
  ): Promise<ActionRow> {
    const checked = await this.policy.check(dto.actionType, dto.target, dto.params);
    return this.repository.transaction(async (client) => {
      const action = await this.store(client, checked, caseId, dto, {
        actor: null,
        requesterId,
        origin,
        forceApproval,
        job: 'playbook-runner',
      });
      await alongside(client, action);
      return action;
    });
  }

  /** The checks `request` makes (target, params, allow-list) without storing anything. */
  async validateRequest(dto: RequestActionDto): Promise<void> {
    await this.policy.check(dto.actionType, dto.target, dto.params);
  }

  /**
   * One approver's approval. The requester never approves (any role); an action on a CRITICAL
   * asset needs two different approvers and stays REQUESTED after the first.
   */
  async approve(
    actor: AuthUser,
    actionId: string,
    ip?: string,
    auditActor?: AuditActor,
  ): Promise<ActionWithApprovals> {
    assertApprover(actor);
    const selfApproval = (action: ActionRow) => {
      if (action.requestedById === actor.id) throw new ActionSelfApprovalError();
    };
    await this.decide(actionId, ActionCommand.Approve, selfApproval, async (client, action) => {
      const hash = requestHash(action);
      if (hash !== action.requestHash) return new ActionChangedError();
      if (!(await this.repository.addApproval(client, actionId, actor.id, hash)))
        throw new ActionAlreadyApprovedError();
      const approvals = (await this.repository.approvals(client, actionId)).length;
      const enough = approvals >= action.requiredApprovals;
      const after = enough
        ? await this.repository.markApproved(
            client,
            actionId,
            actor.id,
            this.config.actions.executionTtlSeconds,
          )
        : action;
      await this.journal.record(client, {
        action: after,
        audit: enough ? AuditAction.ActionApproved : AuditAction.ActionApprovalRecorded,
        before: action.status,
        actor,
        ip,
        auditActor,
        event: CaseEventType.ACTION_DECIDED,
        data: { approvals, requiredApprovals: action.requiredApprovals },
      });
      return null;
    });
    return this.get(actionId);
  }

  /** Turns a request down (its requester may withdraw it too: that approves nothing). */
  async reject(
    actor: AuthUser,
    actionId: string,
    reason: string,
    ip?: string,
    auditActor?: AuditActor,
  ): Promise<ActionWithApprovals> {
    assertApprover(actor);
    await this.decide(actionId, ActionCommand.Reject, null, async (client, action) => {
      const after = await this.repository.markRejected(client, actionId, actor.id, reason.trim());
      await this.journal.record(client, {
        action: after,
        audit: AuditAction.ActionRejected,
        before: action.status,
        actor,
        ip,
        auditActor,
        event: CaseEventType.ACTION_DECIDED,
        data: { reason: after.decisionReason },
      });
      return null;
    });
    return this.get(actionId);
  }

  /** APPROVED -> EXECUTING, once: a concurrent second call finds EXECUTING and gets 409. */
  execute(actor: AuthUser, actionId: string, ip?: string): Promise<ExecutionStarted> {
    assertApprover(actor);
    return this.start(actor, actionId, ActionCommand.Execute, ip);
  }

  /** FAILED -> EXECUTING: runs the same request again (same idempotency key). */
  retry(actor: AuthUser, actionId: string, ip?: string): Promise<ExecutionStarted> {
    return this.start(actor, actionId, ActionCommand.Retry, ip);
  }

  async get(actionId: string): Promise<ActionWithApprovals> {
    const action = await this.repository.findWithApprovals(actionId);
    if (!action) throw new ActionNotFoundError();
    return action;
  }

  list(query: ActionQueryDto): Promise<Page<ActionWithApprovals>> {
    return this.repository.list(query);
  }

  listForCase(caseId: string): Promise<ActionWithApprovals[]> {
    return this.repository.listForCase(caseId);
  }

  /**
   * Moves every action of `fromCaseIds` to `toCaseId` (a case merge), audited one by one.
   * Pass `client` to run inside the caller's transaction.
   */
  async moveToCase(
    fromCaseIds: string[],
    toCaseId: string,
    actor: AuthUser | null,
    client?: PoolClient,
  ): Promise<string[]> {
    const move = async (tx: PoolClient) => {
      const moved = await this.repository.moveToCase(tx, fromCaseIds, toCaseId);
      for (const { id, fromCaseId } of moved) {
        const action = await this.repository.lock(tx, id);
        await this.journal.record(tx, {
          action,
          audit: AuditAction.ActionMoved,
          before: action.status,
          actor,
          data: { fromCaseId, toCaseId },
        });
      }
      return moved.map(({ id }) => id);
    };
    return client ? move(client) : this.repository.transaction(move);
  }

  private async start(
    actor: AuthUser,
    actionId: string,
    command: ActionCommand.Execute | ActionCommand.Retry,
    ip?: string,
  ): Promise<ExecutionStarted> {
    await this.decide(actionId, command, null, async (client, action) => {
      if (!(await this.bindingIntact(client, action))) {
        await this.journal.record(client, {
          action,
          audit: AuditAction.ActionExecutionRefused,
          before: action.status,
          actor,
          ip,
          data: { reason: 'type, target or params changed since the request and its approvals' },
        });
        return new ActionChangedError();
      }
      const started = await this.repository.markExecuting(client, actionId);
      await this.journal.record(client, {
        action: started,
        audit: AuditAction.ActionExecutionStarted,
        before: action.status,
        actor,
        ip,
        event: CaseEventType.ACTION_EXECUTED,
      });
      await this.enqueueExecution(client, actionId);
      return null;
    });
    return this.awaitOutcome(actionId);
  }

  /**
   * One command on the locked action: `guard` may refuse it outright, then a wrong state is
   * refused and an overdue action expired; otherwise `work` applies it. A refusal returned by
   * either is thrown once what was recorded with it has committed.
   */
  private async decide(
    actionId: string,
    command: ActionCommand,
    guard: ((action: ActionRow) => void) | null,
    work: (client: PoolClient, action: ActionRow) => Promise<Refusal>,
  ): Promise<void> {
    const refused = await this.repository.transaction(async (client) => {
      const action = await this.repository.lock(client, actionId);
      guard?.(action);
      return (await this.expireIfOverdue(client, action, command)) ?? work(client, action);
    });
    if (refused) throw refused;
  }

  /**
   * Refuses a wrong state, and expires an action past its stage's deadline even when the
   * sweep has not run yet: the expiry commits, then the caller is refused.
   */
  private async expireIfOverdue(
    client: PoolClient,
    action: ActionRow,
    command: ActionCommand,
  ): Promise<ActionExpiredError | null> {
    assertCan(command, action.status);
    if (!action.overdue) return null;
    const expired = await this.repository.markExpired(client, action.id);
    await this.journal.record(client, {
      action: expired,
      audit: AuditAction.ActionExpired,
      before: action.status,
      actor: null,
      job: 'action-expiry',
      event: CaseEventType.ACTION_DECIDED,
      data: { expiresAt: action.expiresAt },
    });
    return new ActionExpiredError();
  }

  private async store(
    client: PoolClient,
    checked: CheckedRequest,
    caseId: string,
    dto: RequestActionDto,
    by: {
      actor: AuthUser | null;
      requesterId?: string | null;
      ip?: string;
      origin: ActionOrigin;
      forceApproval?: boolean;
      job?: string;
    },
  ): Promise<ActionRow> {
    const needsApproval = by.forceApproval || requiresApproval(dto.actionType);
    const body = {
      actionType: dto.actionType,
      target: checked.target.value,
      params: checked.params,
    };
    const action = (await this.repository.insert(client, {
      ...body,
      caseId,
      alertId: by.origin.alertId ?? null,
      playbookRunId: by.origin.playbookRunId ?? null,
      reason: dto.reason?.trim() || null,
      status: needsApproval ? ActionStatus.REQUESTED : initialStatus(dto.actionType),
      requiresApproval: needsApproval,
      requiredApprovals: needsApproval ? checked.requiredApprovals : 0,
      requestedById: by.actor?.id ?? by.requesterId ?? null,
      requestHash: requestHash(body),
      ttlSeconds: needsApproval ? this.config.actions.approvalTtlSeconds : null,
      unblockOfId: null,
    }))!;
    await this.journal.record(client, {
      action,
      audit: AuditAction.ActionRequested,
      before: null,
      actor: by.actor,
      job: by.job,
      ip: by.ip,
      event: CaseEventType.ACTION_REQUESTED,
      data: { requiredApprovals: action.requiredApprovals, reason: action.reason },
    });
    if (needsApproval)
      await this.queue.insertInTransaction(client, QueueName.ActionApprovalRequested, [
        { data: { actionId: action.id } },
      ]);
    else await this.enqueueExecution(client, action.id);
    return action;
  }

  /** The stored request still hashes as requested, and as every approval saw it. */
  private async bindingIntact(client: PoolClient, action: ActionRow): Promise<boolean> {
    const hash = requestHash(action);
    if (hash !== action.requestHash) return false;
    const approvals = await this.repository.approvals(client, action.id);
    if (action.requiresApproval && approvals.length < action.requiredApprovals) return false;
    return approvals.every((approval) => approval.approvalHash === hash);
  }

  private enqueueExecution(client: PoolClient, actionId: string): Promise<void> {
    return this.queue.insertInTransaction(client, QueueName.ExecuteAction, [
      { data: { actionId }, singletonKey: actionId },
    ]);
  }

  /** Waits a moment for the worker, so a quick responder answers 200 with its result. */
  private async awaitOutcome(actionId: string): Promise<ExecutionStarted> {
    const deadline = Date.now() + this.config.actions.executeWaitMs;
    for (;;) {
      const row = await this.repository.find(actionId);
      if (row?.status !== ActionStatus.EXECUTING || Date.now() >= deadline) break;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const action = await this.get(actionId);
    return { action, finished: action.status !== ActionStatus.EXECUTING };
  }
}

function assertApprover(actor: AuthUser): void {
  if (!APPROVERS.includes(actor.role)) throw new ActionApproverRoleError();
}
