import type { JsonObject, JsonValue } from './json';

/* PostgreSQL's jsonb cannot hold U+0000 or unpaired surrogates; rather than lose the alert,
 * they become U+FFFD. Iterative, because payloads may nest up to the parser's depth limit. */
const LONE_SURROGATE_SOURCE =
  '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
export const LONE_SURROGATE = new RegExp(LONE_SURROGATE_SOURCE);
const UNSTORABLE_SOURCE = `\\u0000|${LONE_SURROGATE_SOURCE}`;
const HAS_UNSTORABLE = new RegExp(UNSTORABLE_SOURCE);
const ALL_UNSTORABLE = new RegExp(UNSTORABLE_SOURCE, 'g');

function clean(text: string): string {
  return HAS_UNSTORABLE.test(text) ? text.replace(ALL_UNSTORABLE, '\ufffd') : text;
}

export function sanitizeForStorage(root: JsonObject): JsonObject {
  const stack: (JsonObject | JsonValue[])[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (Array.isArray(node)) {
      node.forEach((value, index) => {
        if (typeof value === 'string') node[index] = clean(value);
        else if (value !== null && typeof value === 'object') stack.push(value);
      });
      continue;
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      const safeKey = clean(key);
      if (safeKey !== key) {
        delete node[key];
        node[safeKey] = value;
      }
      if (typeof value === 'string') node[safeKey] = clean(value);
      else if (value !== null && typeof value === 'object') stack.push(value);
    }
  }
  return root;
}

// JSON.stringify escapes exactly these characters as \u0000 and \udXXX (an escaped backslash
// before "u" is an even run of backslashes, so it does not count).
const UNSTORABLE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f])/i;

/**
 * A value from outside (a vendor's answer) as PostgreSQL can store it: itself when clean, which
 * is nearly always, otherwise a copy with NUL and unpaired surrogates made U+FFFD.
 */
export function storableJsonValue<T>(value: T): T {
  const text = JSON.stringify(value) as string | undefined;
  if (text === undefined || !UNSTORABLE_ESCAPE.test(text)) return value;
  const holder = { value: JSON.parse(text) as JsonValue };
  return sanitizeForStorage(holder).value as T;
}
