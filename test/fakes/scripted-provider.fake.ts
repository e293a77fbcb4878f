import type { Indicator, IndicatorType } from '../../src/common/indicators/indicator';
import {
  ProviderError,
  type ProviderErrorKind,
} from '../../src/modules/enrichment/providers/provider.errors';
import type {
  EnrichmentProvider,
  ProviderName,
  ProviderResult,
} from '../../src/modules/enrichment/providers/provider.types';

export type ScriptedOutcome =
  'ok' | ProviderErrorKind | { kind: 'rate_limited'; retryAfterMs: number } | 'hold';

/**
 * An in-process provider for resilience tests: each call takes the next scripted outcome
 * (the last repeats). 'hold' keeps the call pending until `release()`.
 */
export class ScriptedProvider implements EnrichmentProvider {
  calls = 0;
  inFlight = 0;
  maxInFlight = 0;
  private outcomes: ScriptedOutcome[] = ['ok'];
  private held: Array<() => void> = [];

  constructor(readonly name: ProviderName = 'virustotal') {}

  script(...outcomes: ScriptedOutcome[]): this {
    this.outcomes = outcomes;
    return this;
  }

  release(): void {
    this.held.splice(0).forEach((resolve) => resolve());
  }

  supports(_type: IndicatorType): boolean {
    return true;
  }

  async lookup(indicator: Indicator): Promise<ProviderResult> {
    this.calls++;
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const outcome =
      this.outcomes.length > 1 ? (this.outcomes.shift() as ScriptedOutcome) : this.outcomes[0];
    try {
      if (outcome === 'hold') await new Promise<void>((resolve) => this.held.push(resolve));
      else if (typeof outcome === 'object') {
        throw new ProviderError(this.name, 'rate_limited', 'HTTP 429', {
          status: 429,
          retryAfterMs: outcome.retryAfterMs,
        });
      } else if (outcome !== 'ok')
        throw new ProviderError(this.name, outcome, `scripted ${outcome}`);
      return {
        provider: this.name,
        verdict: 'harmless',
        reputationScore: 0,
        summary: `scripted answer for ${indicator.value}`,
        details: {},
        raw: null,
        queriedAt: new Date(0),
        mock: false,
      };
    } finally {
      this.inFlight--;
    }
  }
}
