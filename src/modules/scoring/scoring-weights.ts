/**
 * The risk model, in points out of 100 (SCORE_WEIGHTS overrides any of these keys):
 * - base: the source tool's own 0-100 severity times `sourcePercent`%, so a source "high" stays
 *   High and a "low" stays Low unless evidence moves it; `unknownSeverity` when it gives none;
 * - threat intel on every non-allow-listed indicator: the strongest verdict counts once
 *   (`malicious` or `suspicious` points); VirusTotal with more than `strongEngineCount`
 *   malicious engines adds `strongEvidence`; external indicators nobody knows add
 *   `unknownExternal`, ones every provider calls harmless take off `harmlessDiscount`;
 * - the affected asset's criticality; repeats of the fingerprint (log-scaled up to `recurrence`);
 * - an alert whose indicators are all allow-listed takes off `allowlistedDiscount`, one with only
 *   internal indicators `internalOnlyDiscount`.
 */
export interface ScoringWeights {
  sourcePercent: number;
  unknownSeverity: number;
  malicious: number;
  suspicious: number;
  strongEngineCount: number;
  strongEvidence: number;
  unknownExternal: number;
  harmlessDiscount: number;
  assetMedium: number;
  assetHigh: number;
  assetCritical: number;
  recurrence: number;
  allowlistedDiscount: number;
  internalOnlyDiscount: number;
}

export const DEFAULT_WEIGHTS: ScoringWeights = {
  sourcePercent: 90,
  unknownSeverity: 30,
  malicious: 40,
  suspicious: 20,
  strongEngineCount: 5,
  strongEvidence: 10,
  unknownExternal: 3,
  harmlessDiscount: 5,
  assetMedium: 5,
  assetHigh: 10,
  assetCritical: 20,
  recurrence: 10,
  allowlistedDiscount: 10,
  internalOnlyDiscount: 5,
};

/** Validates SCORE_WEIGHTS: known keys, finite non-negative numbers. */
export function resolveWeights(overrides: Record<string, unknown>): ScoringWeights {
  const weights: ScoringWeights = { ...DEFAULT_WEIGHTS };
  for (const [key, value] of Object.entries(overrides)) {
    if (!Object.hasOwn(DEFAULT_WEIGHTS, key)) {
      throw new Error(
        `SCORE_WEIGHTS: unknown weight "${key}" (known: ${Object.keys(DEFAULT_WEIGHTS).join(', ')})`,
      );
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new Error(`SCORE_WEIGHTS: ${key} must be a non-negative number`);
    }
    weights[key as keyof ScoringWeights] = value;
  }
  return weights;
}
