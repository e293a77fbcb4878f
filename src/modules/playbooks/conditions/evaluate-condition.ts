import type { Comparison, Condition, EvaluationContext } from '../definition/playbook-definition';
import { isMissing, resolveField } from './field-path';
import { regexMatches } from './regex';

/** A number, or a string that is entirely a finite decimal number ("70", "-1.5"). */
function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Scalars are equal when both read as numbers and are numerically equal, or are identical. */
function scalarEquals(a: unknown, b: unknown): boolean {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return x === y;
  return (typeof a === 'string' || typeof a === 'boolean') && a === b;
}

/** Same kind of scalar: both numeric, or both strings, or both booleans. */
function comparable(a: unknown, b: unknown): boolean {
  if (asNumber(a) !== null && asNumber(b) !== null) return true;
  return typeof a === typeof b && (typeof a === 'string' || typeof a === 'boolean');
}

function order(a: unknown, b: unknown): number | null {
  const x = asNumber(a);
  const y = asNumber(b);
  if (x !== null && y !== null) return x - y;
  if (typeof a === 'string' && typeof b === 'string' && x === null && y === null) {
    return a < b ? -1 : a > b ? 1 : 0;
  }
  return null;
}

/** An object pattern matches an object that has every listed property (compared as eq, strings ieq). */
function objectHas(candidate: unknown, pattern: Record<string, unknown>): boolean {
  if (!isPlainObject(candidate)) return false;
  return Object.entries(pattern).every(([key, expected]) => {
    if (!Object.prototype.hasOwnProperty.call(candidate, key)) return false;
    const actual = candidate[key];
    if (typeof actual === 'string' && typeof expected === 'string') {
      return actual.toLowerCase() === expected.toLowerCase();
    }
    return scalarEquals(actual, expected);
  });
}

function contains(actual: unknown, expected: unknown): boolean {
  if (typeof actual === 'string') return typeof expected === 'string' && actual.includes(expected);
  if (!Array.isArray(actual)) return false;
  if (isPlainObject(expected)) {
    const anyOf = expected.anyOf;
    if (Array.isArray(anyOf) && Object.keys(expected).length === 1) {
      return anyOf.some((p) => isPlainObject(p) && actual.some((item) => objectHas(item, p)));
    }
    return actual.some((item) => objectHas(item, expected));
  }
  return actual.some((item) => scalarEquals(item, expected));
}

function compare(comparison: Comparison, context: EvaluationContext): boolean {
  const actual = resolveField(context, comparison.field);
  const { op, value } = comparison;
  if (op === 'exists') return value === false ? isMissing(actual) : !isMissing(actual);
  if (isMissing(actual)) return false;
  switch (op) {
    case 'eq':
      return scalarEquals(actual, value);
    case 'ne':
      return comparable(actual, value) && !scalarEquals(actual, value);
    case 'ieq':
      return (
        typeof actual === 'string' &&
        typeof value === 'string' &&
        actual.toLowerCase() === value.toLowerCase()
      );
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const diff = order(actual, value);
      if (diff === null) return false;
      if (op === 'gt') return diff > 0;
      if (op === 'gte') return diff >= 0;
      if (op === 'lt') return diff < 0;
      return diff <= 0;
    }
    case 'in':
      return Array.isArray(value) && value.some((candidate) => scalarEquals(actual, candidate));
    case 'contains':
      return contains(actual, value);
    case 'matches':
      return typeof actual === 'string' && typeof value === 'string' && regexMatches(value, actual);
    default:
      return false;
  }
}

/** Depth guard: definitions are validated, but this also runs on anything the runner passes. */
const MAX_DEPTH = 64;

function evaluate(condition: unknown, context: EvaluationContext, depth: number): boolean {
  if (!isPlainObject(condition) || depth > MAX_DEPTH) return false;
  if (Array.isArray(condition.all)) {
    return condition.all.every((c) => evaluate(c, context, depth + 1));
  }
  if (Array.isArray(condition.any)) {
    return condition.any.some((c) => evaluate(c, context, depth + 1));
  }
  if ('not' in condition) {
    return isPlainObject(condition.not) && !evaluate(condition.not, context, depth + 1);
  }
  if (typeof condition.field === 'string' && typeof condition.op === 'string') {
    return compare(condition as unknown as Comparison, context);
  }
  return false;
}

/**
 * True when the condition holds; an absent condition holds. Never throws: a missing field,
 * a type mismatch or an unknown operator is false.
 */
export function evaluateCondition(
  condition: Condition | undefined,
  context: EvaluationContext,
): boolean {
  if (condition === undefined) return true;
  return evaluate(condition, context, 0);
}
