import type { JsonObject, JsonValue } from '../../common/types/json';
import { isJsonObject } from '../../common/types/json';
import { hasOwnKey } from '../../common/types/own-key';
import type { IntegrationConfig, IntegrationDefinition } from './integration-definition';
import { IntegrationSettingsError } from './integrations.errors';

const MAX_KEYS = 64;
const MAX_STRING = 4096;
const MAX_LIST = 100;
const KEY_SYNTAX = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * Checks the shape of a PUT body's settings: known keys and value types for providers
 * (the definition's defaults say which), flat scalars for free-form settings, and write-only
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
    else if (definition.extraSettings && hasOwnKey(definition.extraSettings, key))
      definition.extraSettings[key](field, value);
    else if (definition.defaults) checkKnownValue(definition, definition.defaults, key, value);
    else checkScalar(field, value);
  }
}

/**
 * Checks that the candidate configuration can run, as the definition itself would build it.
 * A disabled integration may be saved without its secrets; everything else is still checked.
 */
export function checkCandidate(definition: IntegrationDefinition, candidate: IntegrationConfig) {
  const secrets = { ...candidate.secrets };
  if (!candidate.enabled) for (const key of definition.secretKeys) secrets[key] ||= 'placeholder';
  definition.validate?.({ ...candidate, secrets });
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

function checkKnownValue(
  definition: IntegrationDefinition,
  defaults: object,
  key: string,
  value: JsonValue,
) {
  const field = `settings.${key}`;
  const known = defaults as Record<string, unknown>;
  if (!hasOwnKey(known, key)) {
    const names = [...Object.keys(known), ...Object.keys(definition.extraSettings ?? {})];
    throw new IntegrationSettingsError(
      field,
      `is not a setting of ${definition.name} (known: ${names.join(', ')})`,
    );
  }
  const expected = known[key];
  if (Array.isArray(expected)) return checkObjectList(field, value);
  if (typeof expected === 'number') return checkNumber(field, value);
  if (typeof expected === 'string') return checkString(field, value);
  if (typeof value !== typeof expected) {
    throw new IntegrationSettingsError(field, `must be a ${typeof expected}`);
  }
}

/** A non-negative finite number (exported for definitions' extra settings). */
export function checkNumber(field: string, value: unknown): void {
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
