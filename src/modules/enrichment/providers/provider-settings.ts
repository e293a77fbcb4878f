import type { VendorEnv } from '../../../config/app-config';
import type { EnvironmentSettings } from '../../integrations';
import { ProviderHttpClient } from './provider-http.client';
import { ProviderSettingsError } from './provider.errors';
import type { ProviderName } from './provider.types';

/** Settings every vendor HTTP provider shares. */
export interface HttpProviderSettings {
  /** Secret: sent in the vendor's auth header only; never logged, never returned. */
  apiKey: string;
  baseUrl: string;
  timeoutMs: number;
}

/** What providers take besides their settings (injectable for tests). */
export interface ProviderDeps {
  now?: () => number;
}

/**
 * Overlays settings (untyped JSON from storage) on the defaults, keeping only values of the
 * default's type, so a stray string never becomes a threshold.
 */
export function withDefaults<T extends object>(defaults: T, input: Partial<T> = {}): T {
  const merged: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, fallback] of Object.entries(defaults)) {
    const value: unknown = (input as Record<string, unknown>)[key];
    if (value === undefined || value === null) continue;
    const sameType = Array.isArray(fallback)
      ? Array.isArray(value)
      : typeof value === typeof fallback;
    const usable = typeof value !== 'number' || (Number.isFinite(value) && value >= 0);
    if (sameType && usable) merged[key] = value;
  }
  return merged as T;
}

function validateHttpSettings(provider: ProviderName, settings: HttpProviderSettings): void {
  if (settings.apiKey.trim() === '') {
    throw new ProviderSettingsError(provider, 'apiKey', 'is required');
  }
  if (!/^https?:\/\//.test(settings.baseUrl)) {
    throw new ProviderSettingsError(provider, 'baseUrl', 'must be an http(s) URL');
  }
}

/** Checks a keyed vendor's settings and builds its HTTP client with the vendor's auth headers. */
export function vendorHttpClient(
  provider: ProviderName,
  settings: HttpProviderSettings,
  headers: Record<string, string>,
  deps: ProviderDeps,
): ProviderHttpClient {
  validateHttpSettings(provider, settings);
  const { baseUrl, timeoutMs } = settings;
  // No redirects: axios would forward custom auth headers (x-apikey, Key) to the new host.
  const options = { baseUrl, timeoutMs, headers, now: deps.now, maxRedirects: 0 };
  return new ProviderHttpClient(provider, options);
}

/** A keyed vendor is on when its API key is in the environment (VT_API_KEY...). */
export function keyedVendorEnvironment(vendor: VendorEnv): EnvironmentSettings {
  const found: EnvironmentSettings = { settings: {}, secrets: {} };
  if (vendor.apiKey) {
    found.secrets = { apiKey: vendor.apiKey };
    found.enabled = true;
  }
  if (vendor.baseUrl) found.settings = { baseUrl: vendor.baseUrl };
  return found;
}
