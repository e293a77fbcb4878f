import { isJsonObject, type JsonObject, type JsonValue } from '../../../common/types/json';
import { parseEmbeddedJson } from '../normalization/embedded-json';
import {
  childScope,
  policyFor,
  ROOT_SCOPE,
  type FieldPolicy,
  type FieldScope,
} from './field-policy';

export interface ScannableString {
  text: string;
  policy: FieldPolicy;
}

/** Bounds that keep a hostile payload from stalling a worker. */
export const WALK_LIMITS = {
  maxNodes: 50_000,
  maxDepth: 64,
  maxEmbeddedJson: 32,
  maxEmbeddedJsonLength: 262_144,
} as const;

interface PendingNode {
  value: JsonValue;
  scope: FieldScope;
  container: JsonObject | null;
  depth: number;
}

/**
 * Every string in the payload with the IOC policy of the key that holds it, in document order.
 * Iterative and bounded; JSON carried inside strings is walked as if nested; skipped keys
 * (console links, SOC metadata...) are not entered at all.
 */
export function* walkStrings(payload: JsonValue): Generator<ScannableString> {
  const stack: PendingNode[] = [{ value: payload, scope: ROOT_SCOPE, container: null, depth: 0 }];
  let visited = 0;
  let embeddedJson = 0;
  while (stack.length > 0 && visited < WALK_LIMITS.maxNodes) {
    const node = stack.pop()!;
    visited += 1;
    const { value, scope, depth } = node;
    if (typeof value === 'string') {
      const embedded =
        embeddedJson < WALK_LIMITS.maxEmbeddedJson
          ? parseEmbeddedJson(value, WALK_LIMITS.maxEmbeddedJsonLength)
          : null;
      if (embedded === null) {
        yield { text: value, policy: policyFor(scope, node.container) };
      } else {
        embeddedJson += 1;
        stack.push({ value: embedded, scope, container: node.container, depth: depth + 1 });
      }
      continue;
    }
    if (depth >= WALK_LIMITS.maxDepth) continue;
    const children = childrenOf(node, WALK_LIMITS.maxNodes - visited);
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
}

function childrenOf(node: PendingNode, budget: number): PendingNode[] {
  const { value, scope, container, depth } = node;
  if (Array.isArray(value)) {
    return value
      .slice(0, budget)
      .map((item) => ({ value: item, scope, container, depth: depth + 1 }));
  }
  if (!isJsonObject(value)) return [];
  const children: PendingNode[] = [];
  for (const key of Object.keys(value).slice(0, budget)) {
    const keyScope = childScope(scope, key);
    if (!keyScope.skip) {
      children.push({ value: value[key], scope: keyScope, container: value, depth: depth + 1 });
    }
  }
  return children;
}
