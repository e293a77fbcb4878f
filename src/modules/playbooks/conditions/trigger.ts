import type { EvaluationContext, PlaybookTrigger } from '../definition/playbook-definition';
import { evaluateCondition } from './evaluate-condition';

/**
 * Whether an alert sets the trigger off: its severity is listed (or none are), its source is
 * listed (case-insensitive; or none are), and the condition holds (or there is none).
 */
export function triggerMatches(
  trigger: PlaybookTrigger | undefined,
  context: EvaluationContext,
): boolean {
  if (!trigger) return true;
  const alert = context.alert;
  if (trigger.severities?.length) {
    const severity = alert?.severity?.toUpperCase();
    if (!severity || !trigger.severities.includes(severity)) return false;
  }
  if (trigger.sources?.length) {
    const source = alert?.source?.toLowerCase();
    if (!source || !trigger.sources.some((s) => s.toLowerCase() === source)) return false;
  }
  return evaluateCondition(trigger.condition, context);
}
