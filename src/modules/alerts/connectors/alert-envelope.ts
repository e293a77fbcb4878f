import { isJsonObject, type JsonObject, type JsonValue } from '../../../common/types/json';
import { parseEmbeddedJson } from '../normalization/embedded-json';

/**
 * Keys under which pipelines (Logstash, search hits, EventBridge, webhooks) nest the alert itself;
 * TheHive webhooks send `{operation, objectType, object}`.
 */
const WRAPPED_OBJECT_KEYS = [
  '_source',
  'detail',
  'alert',
  'data',
  'payload',
  'body',
  'event',
  'record',
  'object',
];
/** Keys of API list responses and batches; the first element is taken. */
const WRAPPED_LIST_KEYS = [
  'value',
  'resources',
  'Records',
  'records',
  'alerts',
  'findings',
  'Findings',
];
const MAX_ENVELOPE_DEPTH = 3;
const MAX_CANDIDATES = 24;
const MAX_EMBEDDED_JSON_LENGTH = 1_048_576;

/**
 * The payload and every alert-shaped object nested in a known envelope around it, outermost first
 * (breadth-first), including alerts carried as a JSON string in `message`-like fields.
 */
export function envelopeCandidates(payload: JsonObject): JsonObject[] {
  const candidates: JsonObject[] = [];
  const queue: { object: JsonObject; depth: number }[] = [{ object: payload, depth: 0 }];
  while (queue.length > 0 && candidates.length < MAX_CANDIDATES) {
    const { object, depth } = queue.shift()!;
    candidates.push(object);
    if (depth >= MAX_ENVELOPE_DEPTH) continue;
    for (const inner of innerObjects(object)) queue.push({ object: inner, depth: depth + 1 });
  }
  return candidates;
}

function innerObjects(object: JsonObject): JsonObject[] {
  const inner: JsonObject[] = [];
  for (const key of WRAPPED_OBJECT_KEYS) {
    const value = asEmbeddedObject(object[key]);
    if (value) inner.push(value);
  }
  for (const key of WRAPPED_LIST_KEYS) {
    const list = object[key];
    if (Array.isArray(list) && isJsonObject(list[0])) inner.push(list[0]);
  }
  const hits = isJsonObject(object.hits) ? object.hits.hits : undefined;
  if (Array.isArray(hits) && isJsonObject(hits[0])) inner.push(hits[0]);
  const message = asEmbeddedObject(object.message);
  if (message) inner.push(message);
  return inner;
}

function asEmbeddedObject(value: JsonValue | undefined): JsonObject | null {
  if (isJsonObject(value)) return value;
  const parsed =
    typeof value === 'string' ? parseEmbeddedJson(value, MAX_EMBEDDED_JSON_LENGTH) : null;
  return isJsonObject(parsed) ? parsed : null;
}

export function findWrappedAlert(
  payload: JsonObject,
  hasShape: (candidate: JsonObject) => boolean,
): JsonObject | null {
  return envelopeCandidates(payload).find(hasShape) ?? null;
}
