import type { IndicatorType } from '../../common/indicators/indicator';
import type { SeverityClass, SourceSeverityLabel } from '../../common/indicators/severity';
import type { Verdict } from '../../common/indicators/verdict';

export type Criticality = 'LOW' | 'MEDIUM' | 'HIGH' | 'CRITICAL';

export interface ScoredEnrichment {
  provider: string;
  verdict: Verdict;
  reputationScore: number;
  details: Record<string, unknown>;
  /** The provider's one-line summary, quoted in the reason when present. */
  summary?: string;
  mock: boolean;
}

export interface ScoringObservable {
  type: IndicatorType;
  value: string;
  internal: boolean;
  allowlisted: boolean;
  enrichments: ScoredEnrichment[];
}

export interface ScoringInput {
  /** 0-100 hint from the source tool's own severity; null when it gives none. */
  sourceSeverity: number | null;
  sourceSeverityLabel: SourceSeverityLabel;
  observables: ScoringObservable[];
  assetCriticality: Criticality | null;
  /** Earlier alerts with the same fingerprint. */
  previousOccurrences: number;
}

export interface ScoreContribution {
  factor:
    | 'source_severity'
    | 'threat_intel'
    | 'asset_criticality'
    | 'recurrence'
    | 'exposure'
    | 'allowlist'
    | 'cap';
  points: number;
  reason: string;
}

export interface ScoreResult {
  score: number;
  severity: SeverityClass;
  breakdown: ScoreContribution[];
  /** Some provider called a non-allow-listed indicator (internal ones too) malicious or suspicious. */
  hasBadVerdict: boolean;
  /** The affected asset is HIGH or CRITICAL: its alerts are never auto-closed. */
  protectedAsset: boolean;
}

export interface DecisionOptions {
  /** AppConfig.scoreAutoCloseBelow: scores below it may auto-close. */
  autoCloseBelow: number;
}

export interface Decision {
  autoClose: boolean;
  reason?: string;
  openCase: boolean;
}
