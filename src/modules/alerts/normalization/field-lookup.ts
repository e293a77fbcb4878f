import { isJsonObject, type JsonObject, type JsonValue } from '../../../common/types/json';

/**
 * Reads a dotted path from nested objects, flattened dotted keys (`"kibana.alert.rule.name"`)
 * or any mix of both; numeric segments index arrays.
 */
export function getField(source: JsonValue | undefined, path: string): JsonValue | undefined {
  return lookupSegments(source, path.split('.'));
}

function lookupSegments(source: JsonValue | undefined, segments: string[]): JsonValue | undefined {
  if (segments.length === 0) return source;
  if (Array.isArray(source)) {
    const index = Number(segments[0]);
    return Number.isInteger(index) ? lookupSegments(source[index], segments.slice(1)) : undefined;
  }
  if (!isJsonObject(source)) return undefined;
  for (let take = segments.length; take >= 1; take--) {
    const key = segments.slice(0, take).join('.');
    if (!Object.hasOwn(source, key)) continue;
    const found = lookupSegments(source[key], segments.slice(take));
    if (found !== undefined) return found;
  }
  return undefined;
}

/**
 * A trimmed string (numbers are stringified); empty or whitespace-only strings are absent. A
 * one-element list counts as its element: Elasticsearch `_source` may hold `user.name: ["x"]`.
 */
export function asText(value: JsonValue | undefined): string | null {
  if (Array.isArray(value)) return value.length === 1 ? asText(value[0]) : null;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function asNumber(value: JsonValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || value.trim() === '') return null;
  const parsed = Number(value.trim());
  return Number.isFinite(parsed) ? parsed : null;
}

export function asObject(value: JsonValue | undefined): JsonObject | null {
  return isJsonObject(value) ? value : null;
}

export function asObjectList(value: JsonValue | undefined): JsonObject[] {
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

export function readText(source: JsonValue, ...paths: string[]): string | null {
  for (const path of paths) {
    const text = asText(getField(source, path));
    if (text !== null) return text;
  }
  return null;
}

export function asPort(value: JsonValue | undefined): number | null {
  const port = asNumber(value);
  return port !== null && Number.isInteger(port) && port >= 0 && port <= 65535 ? port : null;
}

export function readPort(source: JsonValue, ...paths: string[]): number | null {
  return readFirst(source, paths, asPort);
}

export function readFirst<T>(
  source: JsonValue,
  paths: readonly string[],
  accept: (value: JsonValue | undefined) => T | null,
): T | null {
  for (const path of paths) {
    const accepted = accept(getField(source, path));
    if (accepted !== null) return accepted;
  }
  return null;
}

export function readTexts(source: JsonValue | undefined, ...paths: string[]): string[] {
  return paths.flatMap((path) => collectTexts(getField(source, path)));
}

/** Every non-empty text in a value that is a scalar or a list of scalars (one level deep). */
export function collectTexts(value: JsonValue | undefined): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.map((item) => asText(item)).filter((text): text is string => text !== null);
}
