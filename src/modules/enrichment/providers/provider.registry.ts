import { resolveResilience, type ResilienceSettings } from '../resilience/resilience.defaults';
import { ResilientProvider, type ResilienceDeps } from '../resilience/resilient.provider';
import {
  ABUSEIPDB_DEFAULTS,
  AbuseIpdbProvider,
  type AbuseIpdbSettings,
} from './abuseipdb.provider';
import { FEEDS_DEFAULTS, FeedsProvider, type FeedsSettings } from './feeds.provider';
import { MOCK_DEFAULTS, MockProvider, type MockSettings } from './mock.provider';
import { OTX_DEFAULTS, OtxProvider, type OtxSettings } from './otx.provider';
import type { ProviderDeps } from './provider-settings';
import { PROVIDER_NAMES, type EnrichmentProvider, type ProviderName } from './provider.types';
import { RDAP_DEFAULTS, RdapProvider, type RdapSettings } from './rdap.provider';
import {
  VIRUSTOTAL_DEFAULTS,
  VirusTotalProvider,
  type VirusTotalSettings,
} from './virustotal.provider';

export { PROVIDER_NAMES };

export interface ProviderSettingsMap {
  virustotal: VirusTotalSettings;
  abuseipdb: AbuseIpdbSettings;
  otx: OtxSettings;
  rdap: RdapSettings;
  feeds: FeedsSettings;
  mock: MockSettings;
}

/** One integration's stored settings: the provider's own fields plus optional resilience overrides. */
export type ProviderSettingsInput<N extends ProviderName> = Partial<ProviderSettingsMap[N]> & {
  resilience?: ResilienceSettings;
};

interface RegistryEntry<N extends ProviderName> {
  defaults: ProviderSettingsMap[N];
  /** Write-only settings: never returned by the API, encrypted at rest. */
  secrets: ReadonlyArray<keyof ProviderSettingsMap[N]>;
  create(settings: Partial<ProviderSettingsMap[N]>, deps: ProviderDeps): EnrichmentProvider;
}

/** Adding a vendor: its provider file plus one entry here. */
export const PROVIDER_REGISTRY: { [N in ProviderName]: RegistryEntry<N> } = {
  virustotal: {
    defaults: VIRUSTOTAL_DEFAULTS,
    secrets: ['apiKey'],
    create: (settings, deps) => new VirusTotalProvider(settings, deps),
  },
  abuseipdb: {
    defaults: ABUSEIPDB_DEFAULTS,
    secrets: ['apiKey'],
    create: (settings, deps) => new AbuseIpdbProvider(settings, deps),
  },
  otx: {
    defaults: OTX_DEFAULTS,
    secrets: ['apiKey'],
    create: (settings, deps) => new OtxProvider(settings, deps),
  },
  rdap: { defaults: RDAP_DEFAULTS, secrets: [], create: (s, deps) => new RdapProvider(s, deps) },
  feeds: { defaults: FEEDS_DEFAULTS, secrets: [], create: (s, deps) => new FeedsProvider(s, deps) },
  mock: { defaults: MOCK_DEFAULTS, secrets: [], create: (s, deps) => new MockProvider(s, deps) },
};

export function isProviderName(value: string): value is ProviderName {
  return (PROVIDER_NAMES as readonly string[]).includes(value);
}

/** A bare provider (no rate limit, retry or breaker). Throws ProviderSettingsError on bad settings. */
export function createProvider<N extends ProviderName>(
  name: N,
  settings: ProviderSettingsInput<N> = {},
  deps: ProviderDeps = {},
): EnrichmentProvider {
  const own: Partial<ProviderSettingsMap[N]> & { resilience?: unknown } = { ...settings };
  delete own.resilience;
  const entry = PROVIDER_REGISTRY[name] as RegistryEntry<N>;
  return entry.create(own, deps);
}

/** The provider a worker should use: rate limited, concurrency capped, retried, circuit broken. */
export function createResilientProvider<N extends ProviderName>(
  name: N,
  settings: ProviderSettingsInput<N> = {},
  deps: ProviderDeps & ResilienceDeps = {},
): ResilientProvider {
  const { clock, random } = deps;
  const now = deps.now ?? (clock ? () => clock.now() : undefined);
  const provider = createProvider(name, settings, { now });
  return new ResilientProvider(provider, resolveResilience(name, settings.resilience), {
    clock,
    random,
  });
}
