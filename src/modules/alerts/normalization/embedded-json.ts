import type { JsonValue } from '../../../common/types/json';

/** An object or array carried as JSON text inside a string field; null for anything else. */
export function parseEmbeddedJson(text: string, maxLength: number): JsonValue | null {
  if (text.length > maxLength) return null;
  const trimmed = text.trim();
  const looksLikeJson =
    (trimmed.startsWith('{') && trimmed.endsWith('}')) ||
    (trimmed.startsWith('[') && trimmed.endsWith(']'));
  if (!looksLikeJson) return null;
  try {
    const parsed = JSON.parse(trimmed) as JsonValue;
    return typeof parsed === 'object' && parsed !== null ? parsed : null;
  } catch {
    return null;
  }
}
