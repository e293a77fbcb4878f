import { ProviderError } from './provider.errors';
import type { ProviderName } from './provider.types';

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

export function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Strings of an array, at most `max` of them (vendor lists can be huge). */
export function stringList(value: unknown, max: number): string[] {
  return asArray(value)
    .filter((item): item is string => typeof item === 'string')
    .slice(0, max);
}

/** The object at `path` below `root`, or a bad_response error naming the missing path. */
export function expectRecord(provider: ProviderName, root: unknown, ...path: string[]): JsonRecord {
  let current = root;
  for (const key of path) current = asRecord(current)?.[key];
  const found = asRecord(current);
  if (!found) {
    const where = path.length > 0 ? path.join('.') : 'body';
    throw new ProviderError(provider, 'bad_response', `unexpected response shape (no ${where})`);
  }
  return found;
}
