import type { JsonObject } from '../../common/types/json';
import { createResilientProvider, type ProviderSettingsInput } from './providers/provider.registry';
import type { ProviderName } from './providers/provider.types';
import type { ResilientProvider } from './resilience/resilient.provider';
import type { ResilienceDeps } from './resilience/resilient.provider';

/** Settings the enrichment layer reads itself; the provider never sees them. */
export const CACHE_TTL_SETTING = 'cacheTtlSeconds';

/**
 * Builds the resilient provider an integration's effective settings describe. Throws
 * ProviderSettingsError (or RangeError for an impossible rate limit) on bad settings.
 */
export function buildConfiguredProvider(
  name: ProviderName,
  settings: JsonObject,
  secrets: Readonly<Record<string, string>>,
  deps: ResilienceDeps = {},
): ResilientProvider {
  const input: JsonObject = { ...settings, ...secrets };
  delete input[CACHE_TTL_SETTING];
  return createResilientProvider(name, input as ProviderSettingsInput<typeof name>, deps);
}

/** The cache lifetime an integration asks for, in seconds (0 = do not cache). */
export function cacheTtlSecondsOf(settings: JsonObject): number {
  const value = settings[CACHE_TTL_SETTING];
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
