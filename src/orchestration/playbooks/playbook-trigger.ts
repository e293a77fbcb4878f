import {
  evaluateCondition,
  type EvaluationContext,
  type PlaybookTrigger,
} from '../../modules/playbooks';

/** Severities and sources (empty = any), then the condition, read in memory: no writes. */
export function triggerMatches(
  trigger: PlaybookTrigger | undefined,
  context: EvaluationContext,
): boolean {
  const alert = context.alert;
  if (trigger?.severities?.length && !trigger.severities.includes(alert?.severity ?? ''))
    return false;
  if (trigger?.sources?.length && !trigger.sources.includes(alert?.source ?? '')) return false;
  return trigger?.condition === undefined || evaluateCondition(trigger.condition, context);
}
