import { BadRequestException } from '@nestjs/common';
import { isJsonObject, type JsonObject, type JsonValue } from '../../../common/types/json';

export const MAX_ALERTS_PER_REQUEST = 1000;

/** Splits a webhook body into alerts: one object, or a non-empty array of objects (a batch). */
export function toIngestItems(body: unknown): JsonObject[] {
  if (body === undefined || body === null) throw new BadRequestException('Request body is empty');
  const items = Array.isArray(body) ? body : [body];
  if (items.length === 0)
    throw new BadRequestException('The batch is empty: send at least one alert object');
  if (items.length > MAX_ALERTS_PER_REQUEST) {
    throw new BadRequestException(
      `A batch may hold at most ${MAX_ALERTS_PER_REQUEST} alerts; split it`,
    );
  }
  return items.map((item, index) => {
    const where = Array.isArray(body) ? `Item ${index} of the batch` : 'The body';
    if (!isJsonObject(item)) throw new BadRequestException(`${where} must be a JSON object`);
    if (Object.keys(item).length === 0)
      throw new BadRequestException(`${where} is an empty object`);
    return sanitizeForStorage(item);
  });
}

/* PostgreSQL's jsonb cannot hold U+0000 or unpaired surrogates; rather than lose the alert,
 * they become U+FFFD. Iterative, because payloads may nest up to the parser's depth limit. */
const UNSTORABLE_SOURCE =
  '\\u0000|[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
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
