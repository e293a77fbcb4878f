import { Injectable } from '@nestjs/common';
import { triggerMatches, type EvaluationContext, type TriggerEvent } from '../../modules/playbooks';
import { PlaybookContext } from './playbook-context';
import { ALERT_SCORED, PlaybookRunner } from './playbook-runner';
import { PlaybookRunsRepository, type PlaybookVersionRow } from './playbook-runs.repository';

/** What scoring decided, before the alert row shows it. */
export interface ScoredAlert {
  alertId: string;
  riskScore: number;
  severity: string;
  scoreBreakdown: unknown;
  caseId: string | null;
}

/**
 * Automatic runs after scoring. Cheap on the hot path: the enabled playbooks are cached and
 * reloaded only when the playbooks table changed (one tiny query per alert), triggers are
 * read in memory, and nothing is written unless one matches. A run is created once per
 * (alert, playbook version): a retried alert job finds it and starts nothing.
 */
@Injectable()
export class PlaybookTriggers {
  private cached: { stamp: string; playbooks: PlaybookVersionRow[] } | null = null;

  constructor(
    private readonly repository: PlaybookRunsRepository,
    private readonly runner: PlaybookRunner,
    private readonly contexts: PlaybookContext,
  ) {}

  async onAlertScored(scored: ScoredAlert): Promise<string[]> {
    const playbooks = await this.enabled();
    if (playbooks.length === 0) return [];
    const { context } = await this.contexts.load(scored.alertId, scored.caseId);
    if (!context.alert) return [];
    Object.assign(context.alert, {
      riskScore: scored.riskScore,
      severity: scored.severity,
      scoreBreakdown: scored.scoreBreakdown,
      caseId: scored.caseId,
    });
    return this.startMatching(playbooks, ALERT_SCORED, context, scored.alertId, scored.caseId);
  }

  /**
   * A person changed a case (the `case.changed` job): playbooks listening to the event run on
   * the case and its first alert. At least once: a retried job may start a run again.
   */
  async onCaseEvent(caseId: string, event: TriggerEvent): Promise<string[]> {
    const playbooks = await this.enabled();
    if (!playbooks.some((p) => p.definition.trigger?.on?.includes(event))) return [];
    const alertId = await this.repository.firstAlertOfCase(caseId);
    const { context } = await this.contexts.load(alertId, caseId);
    if (!context.case) return [];
    return this.startMatching(playbooks, event, context, alertId, caseId);
  }

  /** A playbook without a trigger runs only when asked to; `on` absent means `alert.scored`. */
  private async startMatching(
    playbooks: PlaybookVersionRow[],
    event: TriggerEvent,
    context: EvaluationContext,
    alertId: string | null,
    caseId: string | null,
  ): Promise<string[]> {
    const matching = playbooks.filter(({ definition: { trigger } }) => {
      if (!trigger || !(trigger.on ?? [ALERT_SCORED]).includes(event)) return false;
      return triggerMatches(trigger, context);
    });
    const started: string[] = [];
    for (const playbook of matching) {
      const runId = await this.runner.start({
        playbook,
        alertId,
        caseId,
        dryRun: false,
        trigger: event,
        actor: null,
      });
      if (runId) started.push(runId);
    }
    return started;
  }

  private async enabled(): Promise<PlaybookVersionRow[]> {
    const stamp = await this.repository.playbooksStamp();
    if (this.cached?.stamp !== stamp)
      this.cached = { stamp, playbooks: await this.repository.enabledVersions() };
    return this.cached.playbooks;
  }
}
