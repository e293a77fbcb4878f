import { createHash } from 'node:crypto';
import type { JsonObject } from '../../../common/types/json';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import type { ExtractedObservable } from '../observables/observable.types';

/** How many external indicators stand in for the key fields when an alert has none. */
const FALLBACK_INDICATORS = 5;

/**
 * Alerts with the same fingerprint within the dedup window are repeats of one another:
 * same source, same rule, same key parties (addresses, host, account) or, failing those,
 * the same external indicators. An alert that names neither a rule nor any party is only a
 * repeat of an identical payload: otherwise unrelated alerts would merge.
 */
export function alertFingerprint(
  source: string,
  normalized: NormalizedAlert,
  observables: Pick<ExtractedObservable, 'type' | 'value' | 'internal'>[],
  payload: JsonObject,
): string {
  const rule = normalized.ruleId ?? normalized.ruleName ?? normalized.title ?? '';
  const keyFields = [normalized.srcIp, normalized.dstIp, normalized.hostname, normalized.username];
  let keys = keyFields
    .filter((value): value is string => Boolean(value))
    .map((value) => value.toLowerCase());
  if (keys.length === 0) {
    keys = observables
      .filter((observable) => !observable.internal)
      .map((observable) => `${observable.type}:${observable.value}`)
      .sort()
      .slice(0, FALLBACK_INDICATORS);
  }
  // Serialized only in that rare case, not for every alert.
  const identity = rule === '' && keys.length === 0 ? [JSON.stringify(payload)] : [];
  return createHash('sha256')
    .update(JSON.stringify([source.toLowerCase(), rule, keys, ...identity]))
    .digest('hex');
}
