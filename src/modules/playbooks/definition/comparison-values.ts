import { compileRegex } from '../conditions/regex';
import type { ConditionOperator } from './playbook-definition';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export const isScalar = (v: unknown): boolean =>
  typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v));

/** What is wrong with a comparison's value for its operator, or null. */
export function valueProblem(
  op: ConditionOperator,
  value: unknown,
  present: boolean,
): string | null {
  switch (op) {
    case 'exists':
      return present && typeof value !== 'boolean' ? 'exists takes no value, or true/false' : null;
    case 'in':
      return Array.isArray(value) &&
        value.length > 0 &&
        value.length <= 1000 &&
        value.every(isScalar)
        ? null
        : 'in needs a non-empty list of strings, numbers or booleans';
    case 'matches': {
      if (typeof value !== 'string' || value.length > 1000) {
        return 'matches needs a regular expression string (1000 characters at most)';
      }
      return compileRegex(value) ? null : `invalid regular expression "${value}" (RE2 syntax)`;
    }
    case 'ieq':
      return typeof value === 'string' ? null : 'ieq needs a string';
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return typeof value === 'number' || typeof value === 'string'
        ? null
        : `${op} needs a number or a string`;
    case 'contains':
      return containsProblem(value);
    default:
      return isScalar(value) ? null : `${op} needs a string, number or boolean`;
  }
}

function containsProblem(value: unknown): string | null {
  if (isScalar(value)) return null;
  if (!isObject(value)) return 'contains needs a string, number, boolean or an object pattern';
  const patterns = 'anyOf' in value ? value.anyOf : [value];
  if ('anyOf' in value && Object.keys(value).length > 1) return 'anyOf stands alone';
  const valid =
    Array.isArray(patterns) &&
    patterns.length > 0 &&
    patterns.every(
      (p) => isObject(p) && Object.keys(p).length > 0 && Object.values(p).every(isScalar),
    );
  return valid ? null : 'an object pattern maps properties to strings, numbers or booleans';
}
