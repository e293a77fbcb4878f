import { Injectable } from '@nestjs/common';
import { AlertEvaluationRepository, type AlertForEvaluation } from '../../modules/alerts';
import { AssetsService } from '../../modules/assets';
import { alertContext, assetKeysOf, type EvaluationContext } from '../../modules/playbooks';
import { PlaybookRunsRepository } from './playbook-runs.repository';

export interface RunSubjectContext {
  alert: AlertForEvaluation | null;
  context: EvaluationContext;
}

/** What a run's conditions and templates read: the alert (as replay sees it), its asset, the case. */
@Injectable()
export class PlaybookContext {
  constructor(
    private readonly alerts: AlertEvaluationRepository,
    private readonly assets: AssetsService,
    private readonly repository: PlaybookRunsRepository,
  ) {}

  async load(alertId: string | null, caseId: string | null): Promise<RunSubjectContext> {
    const alert = alertId ? await this.alerts.findForEvaluation(alertId) : null;
    const context: EvaluationContext = alert
      ? alertContext(alert, await this.assets.findCriticality(assetKeysOf(alert)))
      : { steps: {} };
    const id = caseId ?? alert?.caseId ?? null;
    if (id && context.case?.id !== id)
      context.case = (await this.repository.caseContext(id)) ?? undefined;
    return { alert, context };
  }
}
