import type { JsonObject, JsonValue } from '../../common/types/json';
import { isJsonObject } from '../../common/types/json';
import { hasOwnKey } from '../../common/types/own-key';
import { buildConfiguredProvider, CACHE_TTL_SETTING } from '../enrichment/provider-factory';
import { ProviderSettingsError } from '../enrichment/providers/provider.errors';
import { PROVIDER_REGISTRY } from '../enrichment/providers/provider.registry';
import type { ProviderName } from '../enrichment/providers/provider.types';
import type { IntegrationDefinition } from './integration-catalog';
import type { EffectiveIntegration } from './integration-layers';

/** A bad setting; `field` is the path in the request body (`settings.timeoutMs`). */
export class IntegrationSettingsError extends Error {
  override readonly name = 'IntegrationSettingsError';

  constructor(
    readonly field: string,
    detail: string,
  ) {
    super(`${field} ${detail}`);
  }
}

const MAX_KEYS = 64;
const MAX_STRING = 4096;
const MAX_LIST = 100;
const KEY_SYNTAX = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/** Resilience overrides a provider accepts; every leaf is a non-negative number. */
const RESILIENCE_SHAPE: Record<string, readonly string[] | null> = {
  rateLimit: ['capacity', 'refillTokens', 'refillIntervalMs'],
  maxConcurrent: null,
  maxQueued: null,
  maxWaitMs: null,
  retry: ['maxRetries', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'],
  breaker: ['failureThreshold', 'cooldownMs'],
};

/**
 * Checks the shape of a PUT body's settings: known keys and value types for providers
 * (the provider's own defaults say which), flat scalars for responders, and write-only
 * secrets given as strings (or null to clear). Throws IntegrationSettingsError.
 */
export function validateSettingsInput(definition: IntegrationDefinition, input: JsonObject): void {
  const entries = Object.entries(input);
  if (entries.length > MAX_KEYS) {
    throw new IntegrationSettingsError('settings', `may hold at most ${MAX_KEYS} keys`);
  }
  for (const [key, value] of entries) {
    const field = `settings.${key}`;
    if (!KEY_SYNTAX.test(key)) throw new IntegrationSettingsError(field, 'is not a valid name');
    if (definition.secretKeys.includes(key)) checkSecret(field, value);
    else if (value === null) continue;
    else if (definition.kind === 'provider') checkProviderValue(definition, key, value);
    else checkScalar(field, value);
  }
}

/**
 * Builds the provider the candidate settings describe, as the enrichment pool will. A
 * disabled integration may be saved without its secrets; everything else is still checked.
 */
export function checkProviderBuilds(
  candidate: EffectiveIntegration,
  secretKeys: readonly string[],
) {
  const secrets = { ...candidate.secrets };
  if (!candidate.enabled) for (const key of secretKeys) secrets[key] ||= 'placeholder';
  try {
    buildConfiguredProvider(candidate.name as ProviderName, candidate.settings, secrets).stop();
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

function checkSecret(field: string, value: JsonValue): void {
  if (value === null) return;
  if (typeof value !== 'string' || value.trim() === '' || value.length > MAX_STRING) {
    throw new IntegrationSettingsError(
      field,
      `must be a non-empty string of at most ${MAX_STRING} characters, or null to clear it`,
    );
  }
}

function checkProviderValue(definition: IntegrationDefinition, key: string, value: JsonValue) {
  const field = `settings.${key}`;
  if (key === 'resilience') return checkResilience(field, value);
  if (key === CACHE_TTL_SETTING) return checkNumber(field, value);
  const defaults = PROVIDER_REGISTRY[definition.name as ProviderName].defaults as unknown as Record<
    string,
    unknown
  >;
  if (!hasOwnKey(defaults, key)) {
    const known = [...Object.keys(defaults), CACHE_TTL_SETTING, 'resilience'].join(', ');
    throw new IntegrationSettingsError(
      field,
      `is not a setting of ${definition.name} (known: ${known})`,
    );
  }
  const expected = defaults[key];
  if (Array.isArray(expected)) return checkObjectList(field, value);
  if (typeof expected === 'number') return checkNumber(field, value);
  if (typeof expected === 'string') return checkString(field, value);
  if (typeof value !== typeof expected) {
    throw new IntegrationSettingsError(field, `must be a ${typeof expected}`);
  }
}

function checkResilience(field: string, value: JsonValue): void {
  if (!isJsonObject(value)) throw new IntegrationSettingsError(field, 'must be an object');
  for (const [key, inner] of Object.entries(value)) {
    const path = `${field}.${key}`;
    if (!hasOwnKey(RESILIENCE_SHAPE, key)) {
      const known = Object.keys(RESILIENCE_SHAPE).join(', ');
      throw new IntegrationSettingsError(path, `is not a resilience setting (known: ${known})`);
    }
    const leaves = RESILIENCE_SHAPE[key];
    if (leaves === null) checkNumber(path, inner);
    else if (!(key === 'rateLimit' && inner === null)) checkNumberRecord(path, inner, leaves);
  }
}

function checkNumberRecord(field: string, value: JsonValue, keys: readonly string[]): void {
  if (!isJsonObject(value)) throw new IntegrationSettingsError(field, 'must be an object');
  for (const [key, inner] of Object.entries(value)) {
    if (!keys.includes(key)) {
      throw new IntegrationSettingsError(
        `${field}.${key}`,
        `is unknown (known: ${keys.join(', ')})`,
      );
    }
    checkNumber(`${field}.${key}`, inner);
  }
}

function checkNumber(field: string, value: JsonValue): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new IntegrationSettingsError(field, 'must be a non-negative number');
  }
}

function checkString(field: string, value: JsonValue): void {
  if (typeof value !== 'string' || value.length > MAX_STRING) {
    throw new IntegrationSettingsError(
      field,
      `must be a string of at most ${MAX_STRING} characters`,
    );
  }
}

function checkScalar(field: string, value: JsonValue): void {
  if (typeof value === 'string') return checkString(field, value);
  if (typeof value === 'boolean') return;
  if (typeof value === 'number' && Number.isFinite(value)) return;
  throw new IntegrationSettingsError(field, 'must be a string, number or boolean');
}

function checkObjectList(field: string, value: JsonValue): void {
  if (!Array.isArray(value) || value.length > MAX_LIST) {
    throw new IntegrationSettingsError(field, `must be a list of at most ${MAX_LIST} entries`);
  }
  value.forEach((item, i) => {
    if (!isJsonObject(item))
      throw new IntegrationSettingsError(`${field}[${i}]`, 'must be an object');
  });
}
