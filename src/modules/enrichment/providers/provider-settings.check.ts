import { isJsonObject } from '../../../common/types/json';
import { hasOwnKey } from '../../../common/types/own-key';
import { checkNumber, IntegrationSettingsError } from '../../integrations';

/** Resilience overrides a provider accepts; every leaf is a non-negative number. */
const RESILIENCE_SHAPE: Record<string, readonly string[] | null> = {
  rateLimit: ['capacity', 'refillTokens', 'refillIntervalMs'],
  maxConcurrent: null,
  maxQueued: null,
  maxWaitMs: null,
  retry: ['maxRetries', 'baseDelayMs', 'maxDelayMs', 'maxRetryAfterMs'],
  breaker: ['failureThreshold', 'cooldownMs'],
};

/** Checks `settings.resilience`; throws IntegrationSettingsError naming the bad leaf. */
export function checkResilienceSetting(field: string, value: unknown): void {
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

function checkNumberRecord(field: string, value: unknown, keys: readonly string[]): void {
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
