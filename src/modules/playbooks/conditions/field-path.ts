import type { EvaluationContext } from '../definition/playbook-definition';

/** Top-level names that are not alert fields; anything else is read from `alert` first. */
const CONTEXT_ROOTS = new Set(['alert', 'case', 'asset', 'steps', 'item']);
const MISSING = Symbol('missing');
/** The value at a path, or MISSING. */
export type Resolved = unknown;
export { MISSING };

/** Own-property walk only: `__proto__`, `constructor` and friends are never followed. */
function walk(root: unknown, parts: string[]): Resolved {
  let current: unknown = root;
  for (const part of parts) {
    if (current === null || typeof current !== 'object') return MISSING;
    if (Array.isArray(current)) {
      if (!/^\d+$/.test(part)) return MISSING;
      current = current[Number(part)];
    } else {
      if (!Object.prototype.hasOwnProperty.call(current, part)) return MISSING;
      current = (current as Record<string, unknown>)[part];
    }
    if (current === undefined) return MISSING;
  }
  return current;
}

/**
 * Resolves a dotted path. `case.status`, `asset.criticality`, `steps.x.output.key` read
 * their roots; any other path is an alert field (`riskScore`, `normalized.srcIp`,
 * `observables`), and `alert.riskScore` works too.
 */
export function resolveField(context: EvaluationContext, path: string): Resolved {
  const parts = path.split('.');
  const root = parts[0] ?? '';
  if (CONTEXT_ROOTS.has(root)) return walk(context, parts);
  return walk(context.alert, parts);
}

export function isMissing(value: Resolved): value is typeof MISSING {
  return value === MISSING || value === null;
}
