import type { EnrichmentEnv } from '../../config/app-config';
import type { JsonObject, JsonValue } from '../../common/types/json';
import { PROVIDER_NAMES, PROVIDER_REGISTRY } from '../enrichment/providers/provider.registry';
import type { ProviderName } from '../enrichment/providers/provider.types';
import { CACHE_TTL_SETTING } from '../enrichment/provider-factory';
import type { IntegrationDefinition, IntegrationName } from './integration-catalog';

/** Where a value comes from; `auto` is the mock provider's "on only without a real provider". */
export type IntegrationSource = 'default' | 'environment' | 'database' | 'auto';

export interface SettingsLayer {
  source: IntegrationSource;
  enabled?: boolean;
  settings: JsonObject;
  secrets: Record<string, string>;
}

export interface EffectiveIntegration {
  name: IntegrationName;
  kind: IntegrationDefinition['kind'];
  enabled: boolean;
  /** Non-secret settings after every layer. */
  settings: JsonObject;
  /** Decrypted secrets after every layer; never leave the process through the API. */
  secrets: Record<string, string>;
  /** The topmost layer that set anything. */
  source: IntegrationSource;
  /** Per key (and `enabled`): the layer its value comes from. */
  sources: Record<string, IntegrationSource>;
}

/** Per-provider cache lifetime; local providers answer from memory, so they are not cached. */
const LOCAL_PROVIDERS: ReadonlySet<ProviderName> = new Set(['feeds', 'mock']);

/** The built-in layer: provider defaults (minus secrets) and the process-wide enrichment figures. */
export function defaultLayer(definition: IntegrationDefinition, env: EnrichmentEnv): SettingsLayer {
  const layer: SettingsLayer = { source: 'default', enabled: false, settings: {}, secrets: {} };
  if (definition.kind !== 'provider') return layer;
  const name = definition.name as ProviderName;
  const defaults = PROVIDER_REGISTRY[name].defaults as unknown as JsonObject;
  for (const [key, value] of Object.entries(defaults)) {
    if (!definition.secretKeys.includes(key)) layer.settings[key] = value;
  }
  layer.settings[CACHE_TTL_SETTING] = LOCAL_PROVIDERS.has(name) ? 0 : env.cacheTtlSeconds;
  if (name === 'feeds') layer.settings.refreshIntervalMs = env.feedsRefreshSeconds * 1000;
  return layer;
}

/** What the environment (VT_API_KEY, RDAP_ENABLED, THREAT_FEEDS, MOCK_ENRICHMENT...) says. */
export function environmentLayer(name: IntegrationName, env: EnrichmentEnv): SettingsLayer {
  const layer: SettingsLayer = { source: 'environment', settings: {}, secrets: {} };
  const set = (key: string, value: JsonValue | undefined) => {
    if (value !== undefined && value !== '') layer.settings[key] = value;
  };
  if (name === 'virustotal' || name === 'abuseipdb' || name === 'otx') {
    const vendor = env[name];
    if (vendor.apiKey) {
      layer.secrets.apiKey = vendor.apiKey;
      layer.enabled = true;
    }
    set('baseUrl', vendor.baseUrl);
  } else if (name === 'rdap') {
    if (env.rdap.enabled) layer.enabled = true;
    set('baseUrl', env.rdap.baseUrl);
    set('bootstrapBase', env.rdap.bootstrap);
  } else if (name === 'feeds' && env.feeds.length > 0) {
    layer.enabled = true;
    layer.settings.feeds = env.feeds.map(({ name: feed, location }) => ({ name: feed, location }));
  } else if (name === 'mock' && env.mock !== 'auto') {
    layer.enabled = env.mock === 'true';
  }
  return layer;
}

/** Overlays the layers in order (later wins), remembering where each value came from. */
export function mergeLayers(
  definition: IntegrationDefinition,
  layers: readonly SettingsLayer[],
): EffectiveIntegration {
  const effective: EffectiveIntegration = {
    name: definition.name,
    kind: definition.kind,
    enabled: false,
    settings: {},
    secrets: {},
    source: 'default',
    sources: { enabled: 'default' },
  };
  for (const layer of layers) {
    let contributed = false;
    if (layer.enabled !== undefined) {
      effective.enabled = layer.enabled;
      effective.sources.enabled = layer.source;
      contributed = true;
    }
    for (const [key, value] of Object.entries(layer.settings)) {
      effective.settings[key] = value;
      effective.sources[key] = layer.source;
      contributed = true;
    }
    for (const [key, value] of Object.entries(layer.secrets)) {
      effective.secrets[key] = value;
      effective.sources[key] = layer.source;
      contributed = true;
    }
    if (contributed) effective.source = layer.source;
  }
  return effective;
}

/** One integration's effective configuration, with its database row (if any) on top. */
export function resolveIntegration(
  definition: IntegrationDefinition,
  env: EnrichmentEnv,
  stored?: Pick<SettingsLayer, 'enabled' | 'settings' | 'secrets'>,
): EffectiveIntegration {
  const layers = [defaultLayer(definition, env), environmentLayer(definition.name, env)];
  if (stored) {
    const { enabled, settings, secrets } = stored;
    layers.push({ source: 'database', enabled, settings, secrets });
  }
  return mergeLayers(definition, layers);
}

/**
 * Demo verdicts must never pass for real intel, nor crowd it out: unless the environment or
 * an admin decided, mock is on exactly when no real provider is.
 */
export function applyMockRule(integrations: Map<IntegrationName, EffectiveIntegration>): void {
  const mock = integrations.get('mock');
  if (!mock || mock.sources.enabled === 'environment' || mock.sources.enabled === 'database')
    return;
  const realEnabled = PROVIDER_NAMES.some(
    (name) => name !== 'mock' && integrations.get(name)?.enabled === true,
  );
  mock.enabled = !realEnabled;
  mock.sources.enabled = 'auto';
}
