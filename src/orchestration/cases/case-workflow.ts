import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { ActionsService, toActionDto } from '../../modules/actions';
import { AlertCasesRepository, toAlertSummaryDto } from '../../modules/alerts';
import {
  CaseMergeService,
  CasesService,
  toCaseDto,
  toCaseEventDto,
  toCaseNoteDto,
  type CreateCaseDto,
  type MergeCollaborators,
} from '../../modules/cases';
import { DETAIL_ALERT_LIMIT, type CaseDetailDto } from './case-detail.dto';

/**
 * The case operations that need alerts and actions as well: the alerts module links and moves
 * alerts, the actions module moves actions, each inside the transaction the cases module opens.
 */
@Injectable()
export class CaseWorkflow {
  constructor(
    private readonly cases: CasesService,
    private readonly merges: CaseMergeService,
    private readonly alerts: AlertCasesRepository,
    private readonly actions: ActionsService,
  ) {}

  async create(actor: AuthUser, dto: CreateCaseDto, ip?: string): Promise<CaseDetailDto> {
    const created = await this.cases.create(actor, dto, ip, this.alerts);
    return this.detail(created.id);
  }

  async linkAlerts(
    actor: AuthUser,
    caseId: string,
    alertIds: string[],
    ip?: string,
  ): Promise<CaseDetailDto> {
    await this.cases.linkAlerts(actor, caseId, alertIds, ip, this.alerts);
    return this.detail(caseId);
  }

  async merge(
    actor: AuthUser,
    caseId: string,
    sourceIds: string[],
    ip?: string,
  ): Promise<CaseDetailDto> {
    const collaborators: MergeCollaborators = {
      alerts: this.alerts,
      moveActions: (client, fromCaseId, toCaseId) =>
        this.actions.moveToCase([fromCaseId], toCaseId, actor, client),
    };
    await this.merges.merge(actor, caseId, sourceIds, ip, collaborators);
    return this.detail(caseId);
  }

  /** The case with its alerts, their distinct indicators and verdicts, notes, actions, timeline. */
  async detail(caseId: string): Promise<CaseDetailDto> {
    const record = await this.cases.get(caseId);
    const [alerts, observables, actions] = await Promise.all([
      this.alerts.findByCase(caseId, DETAIL_ALERT_LIMIT),
      this.alerts.observablesForCase(caseId),
      this.actions.listForCase(caseId),
    ]);
    return {
      ...toCaseDto(record),
      assignee: record.assignee,
      alertCount: alerts.total,
      alerts: alerts.items.map(toAlertSummaryDto),
      observables,
      notes: record.notes.map(toCaseNoteDto),
      actions: actions.map(toActionDto),
      timeline: record.events.map(toCaseEventDto),
    };
  }
}
