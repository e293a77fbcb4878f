import { Injectable } from '@nestjs/common';
import {
  ActionStatus,
  ActionType,
  AlertStatus,
  CaseEventType,
  Severity,
} from '../../generated/prisma/enums';
import type { IndicatorType } from '../../common/indicators/indicator';
import type { JsonObject } from '../../common/types/json';
import { ActionPreviewer, ActionsService, type RequestActionDto } from '../../modules/actions';
import { AlertCasesRepository, AlertsService, type AlertForEvaluation } from '../../modules/alerts';
import { systemActor } from '../../modules/audit';
import { UsersService } from '../../modules/auth';
import { CasesService } from '../../modules/cases';
import { EnrichmentService } from '../../modules/enrichment';
import { actionTypeOf } from '../../modules/playbooks';
import { PlaybookRunsRepository, type RunRow } from './playbook-runs.repository';
import { PlaybookStepError } from './playbook-runs.errors';

/** What a step did: finished, or parked on the action it requested (in the same transaction). */
export type StepOutcome = { kind: 'done'; output: unknown } | { kind: 'parked'; approval: boolean };

export interface StepCall {
  run: RunRow;
  stepRowId: string;
  action: string;
  params: Record<string, unknown>;
  alert: AlertForEvaluation | null;
  caseId: string | null;
  /** A `wait_for_approval` gate came just before: this step's action waits for a person. */
  gated: boolean;
  requiresApproval: boolean;
}

/** `notify` shorthand: `channel` picks the action type. */
const NOTIFY_CHANNELS: Record<string, ActionType> = {
  slack: ActionType.NOTIFY_SLACK,
  teams: ActionType.NOTIFY_TEAMS,
  email: ActionType.NOTIFY_EMAIL,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const HIGH_IMPACT = new Set<ActionType>([
  ActionType.BLOCK_IP,
  ActionType.DISABLE_USER,
  ActionType.ISOLATE_HOST,
  ActionType.UNBLOCK_IP,
]);

/** The work of each kind of step. Actions go through the actions module, parked on the step row. */
@Injectable()
export class PlaybookSteps {
  constructor(
    private readonly repository: PlaybookRunsRepository,
    private readonly actions: ActionsService,
    private readonly previewer: ActionPreviewer,
    private readonly cases: CasesService,
    private readonly alertCases: AlertCasesRepository,
    private readonly enrichment: EnrichmentService,
    private readonly alerts: AlertsService,
    private readonly users: UsersService,
  ) {}

  /** True for a step that requests an action (an action type, or `notify`). */
  requestsAction(action: string): boolean {
    return action === 'notify' || actionTypeOf(action) !== null;
  }

  /** The action request a step makes, or null for a built-in step that requests none. */
  actionRequest(action: string, params: Record<string, unknown>): RequestActionDto | null {
    const type =
      action === 'notify'
        ? NOTIFY_CHANNELS[typeof params.channel === 'string' ? params.channel.toLowerCase() : '']
        : actionTypeOf(action);
    if (action === 'notify' && !type)
      throw new PlaybookStepError('notify: channel must be slack, teams or email');
    if (!type) return null;
    const { target, reason, ...rest } = params;
    if (action === 'notify') delete rest.channel;
    if (typeof target !== 'string' || target.trim() === '')
      throw new PlaybookStepError(`${action}: params.target is required (it rendered empty)`);
    return {
      actionType: type,
      target: target.trim(),
      params: rest as JsonObject,
      reason: typeof reason === 'string' ? reason : undefined,
    };
  }

  /**
   * What a dry run records: the exact action request the step would make, checked, and what
   * its responder would send (`wouldSend`, secrets redacted); or the built-in step.
   */
  async dryRun(call: StepCall): Promise<unknown> {
    const request = this.actionRequest(call.action, call.params);
    if (!request) return { dryRun: true, wouldRun: call.action, params: call.params };
    await this.actions.validateRequest(request);
    const preview = await this.previewer.preview(request, call.caseId);
    return {
      dryRun: true,
      wouldRequest: request,
      requiresApproval: call.requiresApproval || call.gated || needsApproval(request.actionType),
      ...(preview.responder !== null
        ? { responder: preview.responder, wouldSend: preview.effects }
        : { responder: null, wouldFail: preview.reason }),
    };
  }

  async execute(call: StepCall): Promise<StepOutcome> {
    const request = this.actionRequest(call.action, call.params);
    if (request) return this.requestAction(call, request);
    switch (call.action) {
      case 'create_case':
        return { kind: 'done', output: await this.openCase(call) };
      case 'enrich':
        return { kind: 'done', output: await this.enrich(call) };
      case 'add_note':
        return { kind: 'done', output: await this.addNote(call) };
      case 'set_severity':
        return { kind: 'done', output: await this.setSeverity(call) };
      case 'assign':
        return { kind: 'done', output: await this.assign(call) };
      case 'close_alert':
        return { kind: 'done', output: await this.closeAlert(call) };
      case 'wait_for_approval':
        return { kind: 'done', output: { gate: 'the next action step waits for an approver' } };
      default:
        throw new PlaybookStepError(`${call.action}: not supported by the runner`);
    }
  }

  /** The run's case, opened for its alert when it has none yet (actions belong to a case). */
  async ensureCase(call: StepCall): Promise<string> {
    if (call.caseId) return call.caseId;
    return (await this.openCase(call)).caseId;
  }

  private async requestAction(call: StepCall, request: RequestActionDto): Promise<StepOutcome> {
    const caseId = await this.ensureCase(call);
    const action = await this.actions.requestForPlaybook(
      call.run.triggeredById,
      caseId,
      request,
      { alertId: call.run.alertId, playbookRunId: call.run.id },
      call.requiresApproval || call.gated,
      async (client, requested) => {
        await this.repository.parkStep(client, call.stepRowId, requested.id);
        await this.repository.setRunStatus(
          client,
          call.run.id,
          requested.status === ActionStatus.REQUESTED ? 'WAITING_APPROVAL' : 'RUNNING',
          { caseId },
        );
      },
    );
    return { kind: 'parked', approval: action.status === ActionStatus.REQUESTED };
  }

  private async openCase(call: StepCall): Promise<{ caseId: string; created: boolean }> {
    const alert = call.alert;
    if (!alert)
      throw new PlaybookStepError(`${call.action}: the run has no alert to open a case for`);
    if (alert.caseId) return { caseId: alert.caseId, created: false };
    const link = await this.cases.openOrAttachForAlert({
      id: alert.id,
      title: alert.title || `${alert.source} alert`,
      severity: (alert.severity ?? 'MEDIUM') as Severity,
      riskScore: alert.riskScore ?? 0,
      fingerprint: (await this.repository.fingerprint(alert.id)) ?? alert.id,
    });
    await this.repository.transaction(async (client) => {
      await this.alertCases.linkToCase(client, [alert.id], link.caseId);
      await this.repository.setRunStatus(client, call.run.id, 'RUNNING', { caseId: link.caseId });
    });
    alert.caseId = link.caseId;
    return link;
  }

  private async enrich(call: StepCall): Promise<unknown> {
    const alert = call.alert;
    if (!alert) throw new PlaybookStepError('enrich: the run has no alert');
    const outcome = await this.enrichment.enrichAlert(
      alert.id,
      alert.observables.map((observable) => ({
        id: observable.id,
        type: observable.type as IndicatorType,
        value: observable.value,
        internal: observable.internal,
        allowlisted: observable.allowlisted,
      })),
    );
    return { results: outcome.results.length, partial: outcome.partial };
  }

  /** The case's severity (LOW..CRITICAL), changed by the system with its SLA clocks. */
  private async setSeverity(call: StepCall): Promise<unknown> {
    const { severity: raw } = call.params;
    const severity = (typeof raw === 'string' ? raw.toUpperCase() : '') as Severity;
    if (!Object.values(Severity).includes(severity))
      throw new PlaybookStepError(
        `set_severity: params.severity must be one of ${Object.values(Severity).join(', ')}`,
      );
    const caseId = await this.ensureCase(call);
    await this.cases.update(null, caseId, { severity }, undefined, 'playbook-runner');
    return { caseId, severity };
  }

  /** Assigns the case to an ANALYST+ user named by id or email. */
  private async assign(call: StepCall): Promise<unknown> {
    const assignee = typeof call.params.assignee === 'string' ? call.params.assignee.trim() : '';
    const assigneeId = assignee.includes('@')
      ? (await this.users.findByEmail(assignee.toLowerCase()))?.id
      : UUID.test(assignee)
        ? assignee
        : undefined;
    if (!assigneeId) throw new PlaybookStepError(`assign: no user "${assignee}"`);
    const caseId = await this.ensureCase(call);
    await this.cases.update(null, caseId, { assigneeId }, undefined, 'playbook-runner');
    return { caseId, assigneeId };
  }

  /** Closes the run's alert as the system (the playbook), with the reason in the audit log. */
  private async closeAlert(call: StepCall): Promise<unknown> {
    if (!call.alert) throw new PlaybookStepError('close_alert: the run has no alert');
    const reason =
      typeof call.params.reason === 'string' && call.params.reason.trim()
        ? call.params.reason.trim()
        : `Closed by playbook ${call.run.playbookName}`;
    const closed = await this.alerts.update(systemActor('playbook-runner'), call.alert.id, {
      status: AlertStatus.CLOSED,
      reason,
    });
    return { alertId: closed.id, status: closed.status, reason };
  }

  private async addNote(call: StepCall): Promise<unknown> {
    const note = call.params.note ?? call.params.text;
    if (typeof note !== 'string' || note.trim() === '')
      throw new PlaybookStepError('add_note: params.note is required (it rendered empty)');
    const caseId = await this.ensureCase(call);
    await this.cases.addEvent(
      caseId,
      CaseEventType.PLAYBOOK_RUN,
      { runId: call.run.id, playbook: call.run.playbookName, note: note.trim() },
      call.run.triggeredById,
    );
    return { caseId, note: note.trim() };
  }
}

/** High-impact types always wait for a person, whatever the definition says. */
function needsApproval(type: ActionType): boolean {
  return HIGH_IMPACT.has(type);
}
