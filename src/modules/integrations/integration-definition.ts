import type { JsonObject } from '../../common/types/json';
import type { EnrichmentEnv } from '../../config/app-config';

export type IntegrationKind = 'provider' | 'responder';

/** What one integration's environment variables say (VT_API_KEY, RDAP_ENABLED...). */
export interface EnvironmentSettings {
  enabled?: boolean;
  settings?: JsonObject;
  secrets?: Record<string, string>;
}

/** The effective configuration an integration is built from, secrets decrypted. */
export interface IntegrationConfig {
  enabled: boolean;
  settings: JsonObject;
  secrets: Readonly<Record<string, string>>;
}

export interface ConnectivityResult {
  ok: boolean;
  /** What was tried and what came back, without any secret. */
  detail: string;
}

/** Checks one extra setting; throws IntegrationSettingsError naming `field`. */
export type SettingCheck = (field: string, value: unknown) => void;

/**
 * One integration, everything the registry needs to know about it. Adding an integration is
 * its definition (usually beside its implementation) plus one line in its kind's list.
 */
export interface IntegrationDefinition {
  readonly name: string;
  readonly kind: IntegrationKind;
  /**
   * The settings schema: every known key with its default, whose type is the type a value
   * must have. `null` for free-form flat settings (strings, numbers, booleans).
   */
  readonly defaults: object | null;
  /** Write-only settings: sealed at rest, never returned. */
  readonly secretKeys: readonly string[];
  /** Settings accepted beyond `defaults`, each with its own check. */
  readonly extraSettings?: Readonly<Record<string, SettingCheck>>;
  /** Defaults that come from process-wide configuration (cache lifetime, refresh period). */
  defaultsFrom?(env: EnrichmentEnv): JsonObject;
  /** What the environment configures for it. */
  fromEnvironment?(env: EnrichmentEnv): EnvironmentSettings;
  /**
   * A fallback is on exactly while no other integration of its kind is, unless the
   * environment or an admin decided (the demo mock provider).
   */
  readonly fallback?: boolean;
  /** On unless the environment or an admin turns it off (the built-in EDR simulator). */
  readonly enabledByDefault?: boolean;
  /** Checks that these settings describe something that can run; throws IntegrationSettingsError. */
  validate?(config: IntegrationConfig): void;
  /** A harmless call that checks connectivity and credentials. */
  testConnection?(config: IntegrationConfig): Promise<ConnectivityResult>;
}
