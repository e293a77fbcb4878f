import type { Verdict } from '../../../common/indicators/verdict';
import type { ProviderName, ProviderResult } from './provider.types';

export interface ResultFields {
  verdict: Verdict;
  reputationScore: number;
  summary: string;
  details: Record<string, unknown>;
  raw: unknown;
}

export function buildResult(
  provider: ProviderName,
  fields: ResultFields,
  now: () => number = Date.now,
): ProviderResult {
  return {
    provider,
    ...fields,
    reputationScore: clamp01(fields.reputationScore),
    queriedAt: new Date(now()),
    mock: false,
  };
}

/** The answer for an indicator the vendor has never seen: a result, not an error. */
export function notFoundResult(
  provider: ProviderName,
  summary: string,
  raw: unknown,
  now?: () => number,
): ProviderResult {
  return buildResult(
    provider,
    { verdict: 'unknown', reputationScore: 0, summary, details: {}, raw },
    now,
  );
}

const BANDS: Record<Verdict, [number, number]> = {
  malicious: [0.7, 1],
  suspicious: [0.3, 0.69],
  harmless: [0, 0],
  unknown: [0, 0],
};

/**
 * Keeps scores of different vendors comparable: the verdict picks the band, `strength`
 * (0..1, how strongly the vendor's figures back it) picks the place inside it.
 */
export function bandScore(verdict: Verdict, strength: number): number {
  const [low, high] = BANDS[verdict];
  return round2(low + (high - low) * clamp01(strength));
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
