import { Injectable, Logger } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppConfig } from '../../config/app-config';
import { ActionStatus, CaseEventType, type PlaybookRunStatus } from '../../generated/prisma/enums';
import { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import { ActionsService } from '../../modules/actions';
import { AuditAction, AuditService, systemActor, userActor } from '../../modules/audit';
import { CasesService } from '../../modules/cases';
import {
  evaluateCondition,
  renderTemplate,
  forEachItems,
  type EvaluationContext,
  type PlaybookStep,
  type TriggerEvent,
} from '../../modules/playbooks';
import {
  PlaybookRunsRepository,
  type PlaybookVersionRow,
  type RunRow,
  type StepRow,
} from './playbook-runs.repository';
import { PlaybookContext } from './playbook-context';
import { PlaybookAlertNotScoredError } from './playbook-runs.errors';
import { PlaybookSteps, type StepCall } from './playbook-steps';

export const ALERT_SCORED: TriggerEvent = 'alert.scored';

export interface StartRun {
  playbook: PlaybookVersionRow;
  alertId: string | null;
  caseId: string | null;
  dryRun: boolean;
  /** manual, alert.scored, case.status_changed, case.assigned */
  trigger: string;
  actor: AuthUser | null;
}

/** How an action's final state settles the step parked on it, and the run. */
const SETTLED: Partial<
  Record<ActionStatus, { step: 'SUCCEEDED' | 'FAILED'; run?: PlaybookRunStatus }>
> = {
  [ActionStatus.EXECUTED]: { step: 'SUCCEEDED' },
  [ActionStatus.FAILED]: { step: 'FAILED' },
  [ActionStatus.REJECTED]: { step: 'FAILED', run: 'REJECTED' },
  [ActionStatus.EXPIRED]: { step: 'FAILED', run: 'EXPIRED' },
};

type StepResult = { parked: true } | { parked: false; failed: string | null; output: unknown };

/**
 * Runs playbooks step by step. Every step (and for_each iteration) is a row written as it
 * starts and finishes; a run is advanced by its `playbook.run` job (one active per run), which
 * skips finished rows, so a run whose worker died picks up where it stopped. A step that
 * requests an action parks on it and the actions module queues `playbook.resume` once the
 * action is final.
 */
@Injectable()
export class PlaybookRunner {
  private readonly logger = new Logger('PlaybookRunner');

  constructor(
    private readonly repository: PlaybookRunsRepository,
    private readonly steps: PlaybookSteps,
    private readonly contexts: PlaybookContext,
    private readonly actions: ActionsService,
    private readonly cases: CasesService,
    private readonly audit: AuditService,
    private readonly queue: QueueService,
    private readonly config: AppConfig,
  ) {}

  /**
   * Creates a run and queues its job in one transaction (or the caller's). Null when an
   * automatic run of this version for this alert exists already.
   */
  async start(input: StartRun, client?: PoolClient): Promise<string | null> {
    const work = async (tx: PoolClient) => {
      const runId = await this.repository.insertRun(tx, {
        playbookId: input.playbook.playbookId,
        playbookVersionId: input.playbook.playbookVersionId,
        version: input.playbook.version,
        caseId: input.caseId,
        alertId: input.alertId,
        dryRun: input.dryRun || input.playbook.dryRun,
        trigger: input.trigger,
        triggeredById: input.actor?.id ?? null,
      });
      if (!runId) return null;
      const facts = {
        runId,
        playbookId: input.playbook.playbookId,
        playbook: input.playbook.name,
        version: input.playbook.version,
        trigger: input.trigger,
        dryRun: input.dryRun || input.playbook.dryRun,
        alertId: input.alertId,
      };
      await this.audit.recordWith(tx, {
        actor: input.actor ? userActor(input.actor) : systemActor('playbook-runner'),
        action: AuditAction.PlaybookRunStarted,
        entityType: 'playbook_run',
        entityId: runId,
        data: { caseId: input.caseId, ...facts },
      });
      if (input.caseId)
        await this.cases.addEvent(
          input.caseId,
          CaseEventType.PLAYBOOK_RUN,
          { ...facts, status: 'RUNNING' },
          input.actor?.id ?? null,
          tx,
        );
      await this.enqueue(tx, runId);
      return runId;
    };
    return client ? work(client) : this.repository.transaction(work);
  }

  /** FAILED -> RUNNING: the failed steps run again, the finished ones are kept. */
  async retry(run: RunRow, actor: AuthUser): Promise<void> {
    const failed = (await this.repository.steps(run.id)).filter((s) => s.status === 'FAILED');
    await this.repository.transaction(async (client) => {
      await this.repository.clearFailedSteps(client, run.id);
      await this.repository.setRunStatus(client, run.id, 'RUNNING');
      await this.audit.recordWith(client, {
        actor: userActor(actor),
        action: AuditAction.PlaybookRunRetried,
        entityType: 'playbook_run',
        entityId: run.id,
        data: {
          before: { status: run.status, error: run.error },
          after: { status: 'RUNNING' },
          failedSteps: failed.map((s) => ({
            stepId: s.stepId,
            iteration: s.iteration,
            error: s.error,
          })),
        },
      });
      await this.enqueue(client, run.id);
    });
  }

  /** The job of `playbook.resume`: settles the parked step once, then lets the run go on. */
  async resume(runId: string, actionId: string): Promise<void> {
    const action = await this.actions.get(actionId);
    const settled = SETTLED[action.status];
    if (!settled) return;
    await this.repository.transaction(async (client) => {
      const result =
        settled.step === 'SUCCEEDED'
          ? { output: { actionId, status: action.status, output: action.output ?? null } }
          : { output: { actionId, status: action.status }, error: actionError(action) };
      if (!(await this.repository.settleParked(client, actionId, settled.step, result))) return;
      const run = await this.repository.findRun(runId, client);
      if (!run || !['RUNNING', 'WAITING_APPROVAL'].includes(run.status)) return;
      if (settled.run) await this.finish(client, run, settled.run, result.error ?? null);
      else {
        await this.repository.setRunStatus(client, runId, 'RUNNING');
        await this.enqueue(client, runId);
      }
    });
  }

  /** The job of `playbook.run`: runs from the first unfinished step until done or parked. */
  async advance(runId: string): Promise<void> {
    const run = await this.repository.findRun(runId);
    if (run?.status !== 'RUNNING') return;
    const definition = await this.repository.definition(run.playbookVersionId);
    const rows = new Map(
      (await this.repository.steps(runId)).map((row) => [`${row.stepId}#${row.iteration}`, row]),
    );
    const { alert, context } = await this.contexts.load(run.alertId, run.caseId);
    // Started by scoring in the transaction before the score is stored: wait for it (retried).
    if (run.trigger === ALERT_SCORED && alert?.riskScore === null)
      throw new PlaybookAlertNotScoredError();
    context.steps = {};
    let gated = false;
    for (const [index, step] of definition.steps.entries()) {
      const current = (await this.repository.findRun(runId))!;
      const caseId = current.caseId ?? alert?.caseId ?? null;
      context.case = caseId
        ? ((await this.repository.caseContext(caseId)) ?? undefined)
        : undefined;
      const items = step.for_each
        ? forEachItems(step.for_each, context, this.config.playbookMaxForEach)
        : [undefined];
      const outputs: unknown[] = [];
      let failed: string | null = null;
      for (const [iteration, item] of items.entries()) {
        const scope: EvaluationContext = step.for_each ? { ...context, item } : context;
        const call = { run: current, alert, caseId, gated, index, iteration };
        const result = await this.runStep(step, scope, call, rows.get(`${step.id}#${iteration}`));
        if (result.parked) return;
        outputs.push(result.output);
        failed ??= result.failed;
      }
      if (step.action === 'wait_for_approval') gated = true;
      else if (this.steps.requestsAction(step.action)) gated = false;
      context.steps[step.id] = {
        status: failed ? 'failed' : 'succeeded',
        output: step.for_each ? outputs : outputs[0],
      };
      if (failed && step.on_error !== 'continue') {
        await this.repository.transaction((client) =>
          this.finish(client, current, 'FAILED', `step ${step.id}: ${failed}`),
        );
        return;
      }
    }
    const finished = (await this.repository.findRun(runId))!;
    await this.repository.transaction((client) => this.finish(client, finished, 'COMPLETED', null));
  }

  private async runStep(
    step: PlaybookStep,
    scope: EvaluationContext,
    at: Omit<StepCall, 'stepRowId' | 'action' | 'params' | 'requiresApproval'> & {
      index: number;
      iteration: number;
    },
    existing: StepRow | undefined,
  ): Promise<StepResult> {
    if (existing?.status === 'WAITING') return { parked: true };
    if (existing && existing.status !== 'RUNNING')
      return {
        parked: false,
        failed: existing.status === 'FAILED' ? (existing.error ?? 'failed') : null,
        output: existing.output,
      };
    const skip = step.if !== undefined && !evaluateCondition(step.if, scope);
    const params = skip ? {} : renderTemplate(step.params ?? {}, scope);
    const row = await this.repository.startStep(at.run.id, {
      stepId: step.id,
      index: at.index,
      iteration: at.iteration,
      action: step.action,
      params,
    });
    if (!row) return { parked: true };
    if (skip) {
      await this.repository.finishStep(this.repository.pool, row.id, 'SKIPPED', {});
      return { parked: false, failed: null, output: null };
    }
    const call: StepCall = {
      ...at,
      stepRowId: row.id,
      action: step.action,
      params,
      requiresApproval: step.requiresApproval === true,
    };
    try {
      const output = at.run.dryRun
        ? await this.steps.dryRun(call)
        : await this.steps
            .execute(call)
            .then((outcome) => (outcome.kind === 'parked' ? PARKED : outcome.output));
      if (output === PARKED) return { parked: true };
      await this.repository.finishStep(this.repository.pool, row.id, 'SUCCEEDED', { output });
      return { parked: false, failed: null, output };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.logger.warn(`Run ${at.run.id} step ${step.id}#${at.iteration} failed: ${message}`);
      await this.repository.finishStep(this.repository.pool, row.id, 'FAILED', { error: message });
      return { parked: false, failed: message, output: null };
    }
  }

  private async finish(
    client: PoolClient,
    run: RunRow,
    status: PlaybookRunStatus,
    error: string | null,
  ): Promise<void> {
    await this.repository.setRunStatus(client, run.id, status, { error, finished: true });
    const facts = {
      runId: run.id,
      playbook: run.playbookName,
      version: run.version,
      status,
      error,
    };
    await this.audit.recordWith(client, {
      actor: systemActor('playbook-runner'),
      action: AuditAction.PlaybookRunFinished,
      entityType: 'playbook_run',
      entityId: run.id,
      data: { caseId: run.caseId, alertId: run.alertId, dryRun: run.dryRun, ...facts },
    });
    if (run.caseId)
      await this.cases.addEvent(run.caseId, CaseEventType.PLAYBOOK_RUN, facts, null, client);
  }

  private enqueue(client: PoolClient, runId: string): Promise<void> {
    return this.queue.insertInTransaction(client, QueueName.PlaybookRun, [
      { data: { runId }, singletonKey: runId },
    ]);
  }
}

const PARKED = Symbol('parked');

function actionError(action: {
  status: ActionStatus;
  error: string | null;
  decisionReason: string | null;
}): string {
  if (action.status === ActionStatus.FAILED) return action.error ?? 'the action failed';
  if (action.status === ActionStatus.REJECTED)
    return `the action was rejected${action.decisionReason ? `: ${action.decisionReason}` : ''}`;
  return 'the action expired before it was approved and executed';
}
