import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';
import { DEMO_THREATS, type DemoThreat } from './demo-threat-list';
import { LOCAL_RESILIENCE } from '../resilience/resilience.defaults';
import { defineProvider } from './provider-definition';
import { buildResult } from './provider-result';
import type { ProviderDeps } from './provider-settings';
import type { EnrichmentProvider, ProviderResult } from './provider.types';

/** Nothing to configure: the answers come from the built-in demo threat list. */
export type MockSettings = Record<string, never>;

export const MOCK_DEFAULTS: MockSettings = {};

const keyOf = (type: IndicatorType, value: string) => `${type}\0${value.trim().toLowerCase()}`;

const THREATS_BY_KEY: ReadonlyMap<string, DemoThreat> = new Map(
  DEMO_THREATS.map((threat) => [keyOf(threat.type, threat.value), threat]),
);

/**
 * Offline demo provider: the attackers of the simulated scenarios are on its demo threat list
 * (malicious or suspicious, with a reason); every other indicator is unknown, never rated on a
 * whim. Deterministic, and every answer says it is not real threat intelligence.
 */
export class MockProvider implements EnrichmentProvider {
  readonly name = 'mock' as const;

  constructor(
    _settings: Partial<MockSettings> = {},
    private readonly deps: ProviderDeps = {},
  ) {}

  supports(_type: IndicatorType): boolean {
    return true;
  }

  lookup(indicator: Indicator): Promise<ProviderResult> {
    const threat = THREATS_BY_KEY.get(keyOf(indicator.type, indicator.value));
    const fields = threat
      ? {
          verdict: threat.verdict,
          reputationScore: threat.reputationScore,
          summary: `[mock] ${threat.verdict}: ${threat.summary} (demo threat list; not real threat intelligence)`,
          details: { demoThreatList: true },
        }
      : {
          verdict: 'unknown' as const,
          reputationScore: 0,
          summary: '[mock] unknown: not on the demo threat list (not real threat intelligence)',
          details: { demoThreatList: false },
        };
    return Promise.resolve({
      ...buildResult(this.name, { ...fields, raw: { mock: true } }, this.deps.now),
      mock: true,
    });
  }
}

export const MOCK_PROVIDER = defineProvider({
  name: 'mock',
  defaults: MOCK_DEFAULTS,
  secretKeys: [],
  resilience: LOCAL_RESILIENCE,
  local: true,
  fallback: true,
  fromEnvironment: ({ mock }) => (mock === 'auto' ? {} : { enabled: mock === 'true' }),
  create: (settings, deps) => new MockProvider(settings, deps),
});
