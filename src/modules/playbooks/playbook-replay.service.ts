import { Injectable } from '@nestjs/common';
import { AlertEvaluationRepository, type AlertForEvaluation } from '../alerts';
import { AssetsService } from '../assets';
import { forEachItems } from './conditions/for-each';
import { evaluateCondition } from './conditions/evaluate-condition';
import { referencedStep } from './definition/template-references';
import { triggerMatches } from './conditions/trigger';
import { alertContext, assetKeysOf } from './context/evaluation-context';
import type {
  EvaluationContext,
  PlaybookDefinition,
  PlaybookStep,
} from './definition/playbook-definition';
import type { ReplayMatchDto, ReplayResultDto, ReplayStepDto } from './dto/playbook-requests.dto';
import { InvalidReplayWindowError } from './playbooks.errors';
import { PlaybooksService } from './playbooks.service';

const DEFAULT_WINDOW_MS = 7 * 24 * 3600 * 1000;
const DEFAULT_LIMIT = 100;
/** Items counted for a for_each step in a replay (the runner has its own cap). */
const REPLAY_ITEM_CAP = 10_000;

/**
 * "What would this playbook have done": its current version's trigger and step conditions
 * evaluated against stored alerts. Reads only; acts on nothing.
 */
@Injectable()
export class PlaybookReplayService {
  constructor(
    private readonly playbooks: PlaybooksService,
    private readonly alerts: AlertEvaluationRepository,
    private readonly assets: AssetsService,
  ) {}

  async replay(
    id: string,
    window: { from?: string; to?: string; limit?: number },
    now: Date = new Date(),
  ): Promise<ReplayResultDto> {
    const { version, definition } = await this.playbooks.getCurrentVersion(id);
    const to = window.to ? new Date(window.to) : now;
    const from = window.from ? new Date(window.from) : new Date(to.getTime() - DEFAULT_WINDOW_MS);
    if (Number.isNaN(to.getTime()) || Number.isNaN(from.getTime())) {
      throw new InvalidReplayWindowError('from and to must be valid dates');
    }
    if (from >= to) throw new InvalidReplayWindowError('from must be before to');
    const alerts = await this.alerts.findForReplay(from, to, window.limit ?? DEFAULT_LIMIT);
    const readsAsset = JSON.stringify(definition).includes('"asset.');
    const matched: ReplayMatchDto[] = [];
    for (const alert of alerts) {
      const context = alertContext(alert, readsAsset ? await this.assetOf(alert) : null);
      if (!triggerMatches(definition.trigger, context)) continue;
      matched.push({
        alertId: alert.id,
        title: alert.title ?? '',
        receivedAt: new Date(alert.receivedAt).toISOString(),
        steps: replaySteps(definition, context),
      });
    }
    return {
      version,
      from: from.toISOString(),
      to: to.toISOString(),
      evaluated: alerts.length,
      matched,
    };
  }

  private async assetOf(
    alert: AlertForEvaluation,
  ): Promise<{ hostname: string; criticality: string } | null> {
    const match = await this.assets.findCriticality(assetKeysOf(alert));
    return match && { hostname: match.hostname, criticality: match.criticality };
  }
}

/** Step outputs do not exist in a replay: a step reading one cannot be decided. */
function outputDependency(step: PlaybookStep): string | null {
  const conditions = JSON.stringify([step.if ?? null, step.for_each ?? null]);
  for (const match of conditions.matchAll(/"(steps\.[^"]+)"/g)) {
    const id = referencedStep(match[1]);
    if (id) return id;
  }
  return null;
}

function replaySteps(definition: PlaybookDefinition, context: EvaluationContext): ReplayStepDto[] {
  return definition.steps.map((step) => {
    const base = { id: step.id, action: step.action };
    const dependency = outputDependency(step);
    if (dependency) {
      return {
        ...base,
        wouldRun: false,
        reason: `depends on step "${dependency}", whose output a replay does not produce`,
      };
    }
    if (!evaluateCondition(step.if, context)) {
      return { ...base, wouldRun: false, reason: 'if condition is false' };
    }
    if (step.for_each === undefined) return { ...base, wouldRun: true };
    const items = forEachItems(step.for_each, context, REPLAY_ITEM_CAP).length;
    return items > 0
      ? { ...base, wouldRun: true, items }
      : { ...base, wouldRun: false, items, reason: 'for_each has no items' };
  });
}
