import type { SourceSeverityLabel } from '../../../common/indicators/severity';

export interface SourceSeverity {
  score: number | null;
  label: SourceSeverityLabel;
}

type KnownLabel = Exclude<SourceSeverityLabel, 'unknown'>;

/** DESIGN.md classes: Info < 20 <= Low < 40 <= Medium < 70 <= High < 90 <= Critical. */
const CLASS_RANGES: Record<KnownLabel, readonly [min: number, max: number]> = {
  info: [0, 19],
  low: [20, 39],
  medium: [40, 69],
  high: [70, 89],
  critical: [90, 100],
};
const TYPICAL_SCORE: Record<KnownLabel, number> = {
  info: 10,
  low: 30,
  medium: 55,
  high: 80,
  critical: 95,
};
const WORD_LABELS: Record<string, KnownLabel> = {
  informational: 'info',
  information: 'info',
  info: 'info',
  notice: 'info',
  debug: 'info',
  low: 'low',
  minor: 'low',
  medium: 'medium',
  moderate: 'medium',
  warning: 'medium',
  warn: 'medium',
  high: 'high',
  severe: 'high',
  major: 'high',
  error: 'high',
  critical: 'critical',
  crit: 'critical',
  fatal: 'critical',
  emergency: 'critical',
};

export const UNKNOWN_SEVERITY: SourceSeverity = { score: null, label: 'unknown' };

export interface SeverityBand {
  label: KnownLabel;
  from: number;
  to: number;
}

/** GuardDuty's 0-10 scale, also used for other 0-10 scores: <4 low, <7 medium, <9 high, else critical. */
export const TEN_POINT_SEVERITY_BANDS: readonly SeverityBand[] = [
  { label: 'low', from: 0, to: 4 },
  { label: 'medium', from: 4, to: 7 },
  { label: 'high', from: 7, to: 9 },
  { label: 'critical', from: 9, to: 10 },
];

/** The label's typical score, or a score placed at `position` (0..1) inside the label's class. */
export function severityFor(label: KnownLabel, position?: number): SourceSeverity {
  if (position === undefined) return { score: TYPICAL_SCORE[label], label };
  const [min, max] = CLASS_RANGES[label];
  const clamped = Math.min(Math.max(position, 0), 1);
  return { score: Math.round(min + clamped * (max - min)), label };
}

/** The severity word a tool uses (`High`, `informational`, `moderate`...), or null for other text. */
export function labelFromWord(word: string | null): KnownLabel | null {
  if (word === null) return null;
  return WORD_LABELS[word.trim().toLowerCase()] ?? null;
}

export function severityFromWord(word: string | null): SourceSeverity {
  const label = labelFromWord(word);
  return label ? severityFor(label) : UNKNOWN_SEVERITY;
}

export function labelFromScore(score: number): KnownLabel {
  const entry = Object.entries(CLASS_RANGES).find(([, [, max]]) => score <= max);
  return (entry?.[0] as KnownLabel | undefined) ?? 'critical';
}

/** A tool's word with its own 0-100 score; the score is kept inside the word's class. */
export function severityFromWordAndScore(
  word: string | null,
  score: number | null,
): SourceSeverity {
  const label = labelFromWord(word) ?? (score === null ? null : labelFromScore(score));
  if (label === null) return UNKNOWN_SEVERITY;
  if (score === null) return severityFor(label);
  const [min, max] = CLASS_RANGES[label];
  return { score: Math.round(Math.min(Math.max(score, min), max)), label };
}

/**
 * Places a value of a vendor scale into its band and interpolates inside the matching class.
 * Integer scales use the middle of each step so that a band's ends stay inside the class.
 */
export function severityFromScale(
  value: number | null,
  bands: readonly SeverityBand[],
  steps: 'integer' | 'continuous',
): SourceSeverity {
  if (value === null) return UNKNOWN_SEVERITY;
  const band = bands.find((candidate) => value < candidate.to) ?? bands[bands.length - 1];
  if (!band || value < (bands[0]?.from ?? 0)) return UNKNOWN_SEVERITY;
  const width = band.to - band.from;
  const offset = steps === 'integer' ? value - band.from + 0.5 : value - band.from;
  return severityFor(band.label, width > 0 ? offset / width : 0.5);
}
