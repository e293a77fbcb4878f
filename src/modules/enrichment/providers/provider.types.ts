import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';
import type { Verdict } from '../../../common/indicators/verdict';

/** A registered provider's name (virustotal, abuseipdb, otx, rdap, feeds, mock...). */
export type ProviderName = string;

/** One normalized threat-intel answer for one (indicator, provider). */
export interface ProviderResult {
  provider: ProviderName;
  verdict: Verdict;
  /** 0 (clean) .. 1 (certainly malicious). */
  reputationScore: number;
  summary: string;
  /** Provider-specific figures the scorer may use (e.g. VirusTotal engine counts). */
  details: Record<string, unknown>;
  raw: unknown;
  queriedAt: Date;
  /** True for the offline demo provider; results must always say so. */
  mock: boolean;
}

export interface EnrichmentProvider {
  readonly name: ProviderName;
  supports(type: IndicatorType): boolean;
  /** Resolves with a result (unknown indicators are a result, not an error); rejects with ProviderError. */
  lookup(indicator: Indicator, signal?: AbortSignal): Promise<ProviderResult>;
  /** Background work (feed refresh timers); called once after construction, when present. */
  start?(): void;
  /** Stops background work; called before a provider is dropped or rebuilt. */
  stop?(): void;
}
