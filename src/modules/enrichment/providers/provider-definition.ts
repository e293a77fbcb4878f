import type { Indicator } from '../../../common/indicators/indicator';
import type { JsonObject } from '../../../common/types/json';
import type { EnrichmentEnv } from '../../../config/app-config';
import {
  checkNumber,
  IntegrationSettingsError,
  type ConnectivityResult,
  type EnvironmentSettings,
  type IntegrationConfig,
  type IntegrationDefinition,
} from '../../integrations';
import { resolveResilience, type ResilienceSettings } from '../resilience/resilience.defaults';
import { ResilientProvider, type ResilienceDeps } from '../resilience/resilient.provider';
import { checkResilienceSetting } from './provider-settings.check';
import type { ProviderDeps } from './provider-settings';
import { ProviderSettingsError } from './provider.errors';
import type { EnrichmentProvider } from './provider.types';

/** Settings the enrichment layer reads itself; the provider never sees them. */
export const CACHE_TTL_SETTING = 'cacheTtlSeconds';

/** An enrichment provider as the integrations registry knows it, plus how to build it. */
export interface ProviderDefinition extends IntegrationDefinition {
  readonly kind: 'provider';
  readonly defaults: object;
  /** Rate limit, concurrency, retry and breaker defaults; settings.resilience overrides them. */
  readonly resilience: ResilienceSettings;
  /** The bare provider; throws ProviderSettingsError on bad settings. */
  create(settings: Record<string, unknown>, deps: ProviderDeps): EnrichmentProvider;
}

export interface ProviderSpec<S extends object> {
  name: string;
  defaults: S;
  secretKeys: ReadonlyArray<keyof S & string>;
  resilience: ResilienceSettings;
  /** Answers from memory: never cached, never rate limited by default. */
  local?: boolean;
  /** On exactly while no other provider is (unless the environment or an admin decided). */
  fallback?: boolean;
  defaultsFrom?(env: EnrichmentEnv): JsonObject;
  fromEnvironment?(env: EnrichmentEnv): EnvironmentSettings;
  /** A harmless indicator for the connectivity test (default: the first supported probe). */
  probe?: Indicator;
  create(settings: Partial<S>, deps: ProviderDeps): EnrichmentProvider;
}

/** One provider's whole definition: settings schema, secrets, defaults, test and factory. */
export function defineProvider<S extends object>(spec: ProviderSpec<S>): ProviderDefinition {
  const definition: ProviderDefinition = {
    name: spec.name,
    kind: 'provider',
    defaults: spec.defaults,
    secretKeys: spec.secretKeys,
    resilience: spec.resilience,
    fallback: spec.fallback,
    extraSettings: { [CACHE_TTL_SETTING]: checkNumber, resilience: checkResilienceSetting },
    defaultsFrom: (env) => ({
      [CACHE_TTL_SETTING]: spec.local ? 0 : env.cacheTtlSeconds,
      ...spec.defaultsFrom?.(env),
    }),
    fromEnvironment: spec.fromEnvironment,
    create: (settings, deps) => spec.create(settings as Partial<S>, deps),
    validate: (config) => validateProvider(definition, config),
    testConnection: (config) => testProvider(definition, config, spec.probe),
  };
  return definition;
}

/**
 * Builds the resilient provider an integration's effective settings describe. Throws
 * ProviderSettingsError (or RangeError for an impossible rate limit) on bad settings.
 */
export function buildConfiguredProvider(
  definition: ProviderDefinition,
  config: Pick<IntegrationConfig, 'settings' | 'secrets'>,
  deps: ProviderDeps & ResilienceDeps = {},
): ResilientProvider {
  const input: Record<string, unknown> = { ...config.settings, ...config.secrets };
  const resilience = input.resilience as ResilienceSettings | undefined;
  delete input[CACHE_TTL_SETTING];
  delete input.resilience;
  const { clock, random } = deps;
  const now = deps.now ?? (clock ? () => clock.now() : undefined);
  const provider = definition.create(input, { now });
  return new ResilientProvider(provider, resolveResilience(definition.resilience, resilience), {
    clock,
    random,
  });
}

/** The cache lifetime an integration asks for, in seconds (0 = do not cache). */
export function cacheTtlSecondsOf(settings: JsonObject): number {
  const value = settings[CACHE_TTL_SETTING];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}

function validateProvider(definition: ProviderDefinition, config: IntegrationConfig): void {
  try {
    buildConfiguredProvider(definition, config).stop();
  } catch (error) {
    if (error instanceof ProviderSettingsError) {
      const detail = error.message.replace(`${error.provider}: ${error.field} `, '');
      throw new IntegrationSettingsError(`settings.${error.field}`, detail);
    }
    if (error instanceof RangeError) {
      throw new IntegrationSettingsError(
        'settings.resilience.rateLimit',
        'needs capacity >= 1 and a positive refill',
      );
    }
    throw error;
  }
}

/** Harmless, well-known indicators: a lookup of one proves the endpoint and the key work. */
const PROBES: readonly Indicator[] = [
  { type: 'ipv4', value: '8.8.8.8' },
  { type: 'domain', value: 'example.com' },
  { type: 'sha256', value: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
];

async function testProvider(
  definition: ProviderDefinition,
  config: IntegrationConfig,
  probe?: Indicator,
): Promise<ConnectivityResult> {
  let provider: EnrichmentProvider;
  try {
    provider = buildConfiguredProvider(definition, config).inner;
  } catch (error) {
    return { ok: false, detail: `Settings cannot build the provider: ${(error as Error).message}` };
  }
  const indicator = probe ?? PROBES.find((candidate) => provider.supports(candidate.type));
  if (!indicator) return { ok: false, detail: `${definition.name} supports none of the probes` };
  try {
    const result = await provider.lookup(indicator);
    return { ok: true, detail: `Looked up ${indicator.value}: ${result.verdict}` };
  } catch (error) {
    return {
      ok: false,
      detail: `Lookup of ${indicator.value} failed: ${(error as Error).message}`,
    };
  } finally {
    provider.stop?.();
  }
}
