import type { IndicatorType } from '../../common/indicators/indicator';
import type { ProviderErrorKind } from './providers/provider.errors';
import type { Verdict } from '../../common/indicators/verdict';
import type { ProviderName } from './providers/provider.types';

/** An observable as the alert pipeline hands it over. */
export interface EnrichmentObservable {
  id: string;
  type: IndicatorType;
  value: string;
  internal: boolean;
  allowlisted: boolean;
}

export interface EnrichmentResultView {
  observableId: string;
  provider: ProviderName;
  verdict: Verdict;
  /** 0 (clean) .. 1 (certainly malicious). */
  reputationScore: number;
  summary: string;
  details: Record<string, unknown>;
  /** True for demo verdicts: never real threat intelligence. */
  mock: boolean;
  /** When the provider actually answered (earlier than now for a cached answer). */
  queriedAt: Date;
}

/** `aborted`: the caller's signal fired; `internal`: a bug, logged. */
export type EnrichmentFailureKind = ProviderErrorKind | 'aborted' | 'internal';

export interface EnrichmentFailure {
  observableId: string;
  provider: ProviderName;
  kind: EnrichmentFailureKind;
}

export interface EnrichmentOutcome {
  results: EnrichmentResultView[];
  /** True when some provider could not answer for some observable; a later run may fill it in. */
  partial: boolean;
  failures: EnrichmentFailure[];
}

export interface EnrichOptions {
  signal?: AbortSignal;
}
