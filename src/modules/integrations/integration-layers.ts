import type { EnrichmentEnv } from '../../config/app-config';
import type { JsonObject, JsonValue } from '../../common/types/json';
import type { IntegrationDefinition } from './integration-definition';

/** Where a value comes from; `auto` is the mock provider's "on only without a real provider". */
export type IntegrationSource = 'default' | 'environment' | 'database' | 'auto';

export interface SettingsLayer {
  source: IntegrationSource;
  enabled?: boolean;
  settings: JsonObject;
  secrets: Record<string, string>;
}

export interface EffectiveIntegration {
  name: string;
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

/** The built-in layer: the definition's defaults (minus secrets) and process-wide figures. */
export function defaultLayer(definition: IntegrationDefinition, env: EnrichmentEnv): SettingsLayer {
  const layer: SettingsLayer = {
    source: 'default',
    enabled: definition.enabledByDefault ?? false,
    settings: {},
    secrets: {},
  };
  for (const [key, value] of Object.entries(definition.defaults ?? {}) as [string, JsonValue][]) {
    if (!definition.secretKeys.includes(key)) layer.settings[key] = value;
  }
  Object.assign(layer.settings, definition.defaultsFrom?.(env));
  return layer;
}

/** What the environment (VT_API_KEY, RDAP_ENABLED, THREAT_FEEDS, MOCK_ENRICHMENT...) says. */
export function environmentLayer(
  definition: IntegrationDefinition,
  env: EnrichmentEnv,
): SettingsLayer {
  const { enabled, settings = {}, secrets = {} } = definition.fromEnvironment?.(env) ?? {};
  return { source: 'environment', enabled, settings: { ...settings }, secrets: { ...secrets } };
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
  const layers = [defaultLayer(definition, env), environmentLayer(definition, env)];
  if (stored) {
    const { enabled, settings, secrets } = stored;
    layers.push({ source: 'database', enabled, settings, secrets });
  }
  return mergeLayers(definition, layers);
}

/**
 * Demo verdicts must never pass for real intel, nor crowd it out: unless the environment or
 * an admin decided, a fallback (the mock provider) is on exactly when nothing else of its kind is.
 */
export function applyFallbackRule(
  definitions: readonly IntegrationDefinition[],
  integrations: Map<string, EffectiveIntegration>,
): void {
  for (const fallback of definitions.filter((d) => d.fallback)) {
    const effective = integrations.get(fallback.name);
    const decided = effective?.sources.enabled;
    if (!effective || decided === 'environment' || decided === 'database') continue;
    effective.enabled = !definitions.some(
      (other) =>
        other.kind === fallback.kind &&
        !other.fallback &&
        integrations.get(other.name)?.enabled === true,
    );
    effective.sources.enabled = 'auto';
  }
}
