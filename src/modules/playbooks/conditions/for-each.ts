import type { EvaluationContext, ForEach } from '../definition/playbook-definition';
import { evaluateCondition } from './evaluate-condition';
import { isMissing, resolveField } from './field-path';

/**
 * The items a `for_each` step runs over: the list at the field (a single value counts as a
 * one-item list, a missing one as none), filtered by `where` read with the item as `item`.
 * `limit` caps the count (the runner's configured maximum).
 */
export function forEachItems(
  forEach: ForEach,
  context: EvaluationContext,
  limit: number,
): unknown[] {
  const field = typeof forEach === 'string' ? forEach : forEach.field;
  const where = typeof forEach === 'string' ? undefined : forEach.where;
  const value = resolveField(context, field);
  if (isMissing(value)) return [];
  const list = Array.isArray(value) ? value : [value];
  const kept = where ? list.filter((item) => evaluateCondition(where, { ...context, item })) : list;
  return kept.slice(0, Math.max(0, limit));
}
