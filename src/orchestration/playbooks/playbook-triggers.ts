import { Injectable } from '@nestjs/common';
import { triggerMatches } from '../../modules/playbooks';
import { PlaybookContext } from './playbook-context';
import { PlaybookRunner } from './playbook-runner';
import { PlaybookRunsRepository, type PlaybookVersionRow } from './playbook-runs.repository';

/** What scoring decided, before the alert row shows it. */
export interface ScoredAlert {
  alertId: string;
  riskScore: number;
  severity: string;
  scoreBreakdown: unknown;
  caseId: string | null;
}

export const ALERT_SCORED = 'alert.scored';

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
    const started: string[] = [];
    // A playbook without a trigger runs only when asked to.
    const matching = playbooks.filter(
      (p) => p.definition.trigger !== undefined && triggerMatches(p.definition.trigger, context),
    );
    for (const playbook of matching) {
      const runId = await this.runner.start({
        playbook,
        alertId: scored.alertId,
        caseId: scored.caseId,
        dryRun: false,
        trigger: ALERT_SCORED,
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
