import { IntegrationSettingsError, type IntegrationConfig } from '../../integrations';
import { ResponderError } from './responder.errors';

/** Time a responder waits for one outside call unless its settings say otherwise. */
export const DEFAULT_RESPONDER_TIMEOUT_MS = 10_000;

/**
 * A responder's settings: its defaults overlaid with the stored settings and the decrypted
 * secrets. Only known keys, only values of the default's type (the PUT already checked them).
 */
export function readSettings<S extends object>(
  defaults: S,
  config: Pick<IntegrationConfig, 'settings' | 'secrets'>,
): S {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, fallback] of Object.entries(defaults)) {
    const value: unknown = Object.hasOwn(config.secrets, key)
      ? config.secrets[key]
      : config.settings[key];
    if (value !== undefined && value !== null && typeof value === typeof fallback) {
      merged[key] = value;
    }
  }
  return merged as S;
}

/** Throws IntegrationSettingsError for the first of `keys` that is empty. */
export function requireSettings<S extends object>(settings: S, keys: ReadonlyArray<keyof S>): void {
  for (const key of keys) {
    const value = settings[key];
    if (typeof value === 'string' && value.trim() === '') {
      throw new IntegrationSettingsError(`settings.${String(key)}`, 'is required');
    }
  }
}

/** Throws IntegrationSettingsError unless `value` is an absolute http(s) URL without credentials. */
export function checkHttpUrl(field: string, value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new IntegrationSettingsError(`settings.${field}`, 'must be an absolute http(s) URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new IntegrationSettingsError(`settings.${field}`, 'must be an http(s) URL');
  }
  if (url.username || url.password) {
    throw new IntegrationSettingsError(`settings.${field}`, 'must not carry credentials');
  }
}

/**
 * Runs a settings check when a responder is built for an action: a bad configuration fails
 * the action (not retryable) with the same words the PUT would have answered.
 */
export function configured<T>(responder: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof IntegrationSettingsError)) throw error;
    throw new ResponderError(responder, `not configured: ${error.message}`, false);
  }
}

/** `target` when given, else the configured default; a ResponderError when neither is set. */
export function targetOrDefault(
  responder: string,
  target: string,
  fallback: string,
  what: string,
): string {
  const chosen = target.trim() || fallback.trim();
  if (!chosen) {
    throw new ResponderError(responder, `no ${what}: give a target or configure a default`, false);
  }
  return chosen;
}
