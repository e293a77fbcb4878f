import type { JsonObject } from '../../common/types/json';

/** Per secret key: a new value, or null to clear the stored one. Omitted keys keep theirs. */
export type SecretUpdates = Record<string, string | null>;

export type SecretStatus = 'set' | 'unset';

export interface SplitSettings {
  /** Plain settings to store; a null value (back to the default) is dropped. */
  settings: JsonObject;
  secrets: SecretUpdates;
}

/** Separates write-only secrets from the plain settings of one PUT body (already validated). */
export function splitSecrets(input: JsonObject, secretKeys: readonly string[]): SplitSettings {
  const split: SplitSettings = { settings: {}, secrets: {} };
  for (const [key, value] of Object.entries(input)) {
    if (secretKeys.includes(key)) split.secrets[key] = typeof value === 'string' ? value : null;
    else if (value !== null) split.settings[key] = value;
  }
  return split;
}

export function applySecretUpdates(
  stored: Readonly<Record<string, string>>,
  updates: SecretUpdates,
): Record<string, string> {
  const next: Record<string, string> = { ...stored };
  for (const [key, value] of Object.entries(updates)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** What the API may say about secrets: whether each is set, never its value. */
export function secretStatus(
  secretKeys: readonly string[],
  secrets: Readonly<Record<string, string>>,
): Record<string, SecretStatus> {
  return Object.fromEntries(secretKeys.map((key) => [key, secrets[key] ? 'set' : 'unset']));
}

/** Audit-safe description of a secret update: key names only. */
export function describeSecretUpdates(updates: SecretUpdates): {
  set: string[];
  cleared: string[];
} {
  const keys = Object.keys(updates).sort();
  return {
    set: keys.filter((key) => updates[key] !== null),
    cleared: keys.filter((key) => updates[key] === null),
  };
}
