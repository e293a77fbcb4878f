import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { isJsonObject, type JsonObject } from '../../common/types/json';
import { ActionType, Severity } from '../../generated/prisma/enums';
import {
  ActionsService,
  type ActionWithApprovals,
  type RequestActionDto,
} from '../../modules/actions';
import { AlertProcessingRepository } from '../../modules/alerts';
import { CasesService } from '../../modules/cases';
import {
  AlertActionParametersError,
  AlertForActionNotFoundError,
  UnknownAlertActionError,
} from './alert-actions.errors';

/** The requirements' action names, and the alert field each one targets by default. */
const ACTIONS: Readonly<Record<string, { type: ActionType; defaultFrom?: string }>> = {
  block_ip: { type: ActionType.BLOCK_IP, defaultFrom: 'srcIp' },
  disable_user: { type: ActionType.DISABLE_USER, defaultFrom: 'username' },
  isolate_host: { type: ActionType.ISOLATE_HOST, defaultFrom: 'hostname' },
  notify_slack: { type: ActionType.NOTIFY_SLACK },
  notify_teams: { type: ActionType.NOTIFY_TEAMS },
  notify_email: { type: ActionType.NOTIFY_EMAIL },
  create_ticket: { type: ActionType.CREATE_TICKET },
};

/**
 * `POST /api/v1/alerts/:alertId/actions/:actionName`: requests a response action for an alert,
 * on the alert's case, opening one (and linking the alert) when it has none.
 */
@Injectable()
export class AlertActionFlow {
  constructor(
    private readonly alerts: AlertProcessingRepository,
    private readonly cases: CasesService,
    private readonly actions: ActionsService,
  ) {}

  async execute(
    actor: AuthUser,
    alertId: string,
    actionName: string,
    parameters: JsonObject = {},
    ip?: string,
  ): Promise<ActionWithApprovals> {
    const action = Object.hasOwn(ACTIONS, actionName) ? ACTIONS[actionName] : undefined;
    if (!action) throw new UnknownAlertActionError(actionName, Object.keys(ACTIONS));
    const alert = await this.alerts.findWithObservables(alertId);
    if (!alert) throw new AlertForActionNotFoundError();
    const { target, reason, ...params } = parameters;
    const normalized = isJsonObject(alert.normalized) ? alert.normalized : {};
    const chosen = target ?? (action.defaultFrom ? normalized[action.defaultFrom] : undefined);
    if (typeof chosen !== 'string' || chosen.trim() === '')
      throw new AlertActionParametersError(
        action.defaultFrom
          ? `parameters.target is missing and the alert names no ${action.defaultFrom}`
          : `parameters.target is required for ${actionName}`,
      );
    if (reason !== undefined && typeof reason !== 'string')
      throw new AlertActionParametersError('parameters.reason must be a string');
    const dto: RequestActionDto = { actionType: action.type, target: chosen, params, reason };
    // Refuse a bad request before a case is opened for it.
    await this.actions.validateRequest(dto);
    const caseId = alert.caseId ?? (await this.openCase(alert));
    return this.actions.request(actor, caseId, dto, ip, { alertId: alert.id });
  }

  private async openCase(alert: {
    id: string;
    title: string | null;
    severity: Severity | null;
    riskScore: number | null;
    fingerprint: string | null;
  }): Promise<string> {
    const { caseId } = await this.cases.openOrAttachForAlert({
      id: alert.id,
      title: alert.title ?? 'Alert',
      severity: alert.severity ?? Severity.MEDIUM,
      riskScore: alert.riskScore ?? 0,
      // An alert not yet analysed has no fingerprint: it gets a case of its own.
      fingerprint: alert.fingerprint ?? `alert:${alert.id}`,
    });
    await this.alerts.linkCase(alert.id, caseId);
    return caseId;
  }
}
