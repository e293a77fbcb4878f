import { createHash } from 'node:crypto';
import type { Indicator, IndicatorType } from '../../../common/types/indicator';
import { bandScore, buildResult } from './provider-result';
import { withDefaults, type ProviderDeps } from './provider-settings';
import type { EnrichmentProvider, ProviderResult, Verdict } from './provider.types';

export interface MockSettings {
  /** Changes which values land in which bucket, still deterministically. */
  seed: string;
  /** Shares (percent) of hashed values answered malicious / suspicious / harmless; the rest unknown. */
  maliciousPercent: number;
  suspiciousPercent: number;
  harmlessPercent: number;
}

export const MOCK_DEFAULTS: MockSettings = {
  seed: 'mini-soar',
  maliciousPercent: 5,
  suspiciousPercent: 10,
  harmlessPercent: 45,
};

/** Test markers in a value win over the hash, so demos can force a verdict. */
const MARKERS: Array<[RegExp, Verdict]> = [
  [/malicious|evil|malware|phish/i, 'malicious'],
  [/suspicious|sketchy/i, 'suspicious'],
  [/harmless|benign|clean/i, 'harmless'],
];

/** Offline demo provider: the same indicator always gets the same, clearly labelled answer. */
export class MockProvider implements EnrichmentProvider {
  readonly name = 'mock' as const;
  readonly settings: MockSettings;

  constructor(
    settings: Partial<MockSettings> = {},
    private readonly deps: ProviderDeps = {},
  ) {
    this.settings = withDefaults(MOCK_DEFAULTS, settings);
  }

  supports(_type: IndicatorType): boolean {
    return true;
  }

  lookup(indicator: Indicator): Promise<ProviderResult> {
    const digest = createHash('sha256')
      .update(`${this.settings.seed}\0${indicator.type}\0${indicator.value.trim().toLowerCase()}`)
      .digest();
    const bucket = digest.readUInt16BE(0) % 100;
    const strength = digest[2] / 255;
    const marker = MARKERS.find(([pattern]) => pattern.test(indicator.value));
    const verdict = marker ? marker[1] : this.verdictFor(bucket);
    const reason = marker ? `test marker in value` : `hash bucket ${bucket}`;
    return Promise.resolve({
      ...buildResult(
        this.name,
        {
          verdict,
          reputationScore: bandScore(verdict, strength),
          summary: `[mock] ${verdict} (${reason}); not real threat intelligence`,
          details: { bucket, marker: marker !== undefined },
          raw: { mock: true },
        },
        this.deps.now,
      ),
      mock: true,
    });
  }

  private verdictFor(bucket: number): Verdict {
    const { maliciousPercent, suspiciousPercent, harmlessPercent } = this.settings;
    if (bucket < maliciousPercent) return 'malicious';
    if (bucket < maliciousPercent + suspiciousPercent) return 'suspicious';
    if (bucket < maliciousPercent + suspiciousPercent + harmlessPercent) return 'harmless';
    return 'unknown';
  }
}
