import { loadAppConfig } from '../../config/app-config';
import type { JsonObject } from '../../common/types/json';
import { INTEGRATION_DEFINITIONS } from '../../integrations.list';
import { resolveIntegration } from './integration-layers';
import { IntegrationRegistry } from './integration-registry';
import { checkCandidate, validateSettingsInput } from './integration-settings.validator';
import { IntegrationSettingsError } from './integrations.errors';

const env = loadAppConfig({
  JWT_SECRET: 'x'.repeat(32),
  ENCRYPTION_KEY: 'a'.repeat(64),
}).enrichment;
const registry = new IntegrationRegistry(INTEGRATION_DEFINITIONS);
const definition = (name: string) => registry.get(name)!;

function fieldOf(check: () => void): string | undefined {
  try {
    check();
  } catch (error) {
    if (error instanceof IntegrationSettingsError) return error.field;
    throw error;
  }
  return undefined;
}

describe('integration settings validation', () => {
  const provider = (name: string, input: JsonObject) =>
    fieldOf(() => validateSettingsInput(definition(name), input));

  it('accepts a provider’s own settings, resilience overrides and the cache lifetime', () => {
    expect(
      provider('virustotal', {
        apiKey: 'k',
        baseUrl: 'http://127.0.0.1:1',
        timeoutMs: 500,
        cacheTtlSeconds: 60,
        resilience: { rateLimit: null, retry: { maxRetries: 0 }, maxWaitMs: 0 },
      }),
    ).toBeUndefined();
    expect(provider('feeds', { feeds: [{ name: 'a', location: '/tmp/a.txt' }] })).toBeUndefined();
  });

  it('names the field that is unknown or of the wrong type', () => {
    expect(provider('virustotal', { timeoutMs: '500' })).toBe('settings.timeoutMs');
    expect(provider('virustotal', { timeoutMs: -1 })).toBe('settings.timeoutMs');
    expect(provider('virustotal', { colour: 'red' })).toBe('settings.colour');
    expect(provider('otx', { baseUrl: 42 })).toBe('settings.baseUrl');
    expect(provider('feeds', { feeds: 'a=b' })).toBe('settings.feeds');
    expect(provider('feeds', { feeds: ['a=b'] })).toBe('settings.feeds[0]');
    expect(provider('rdap', { resilience: { retry: { tries: 2 } } })).toBe(
      'settings.resilience.retry.tries',
    );
    expect(provider('rdap', { resilience: { maxWaitMs: 'soon' } })).toBe(
      'settings.resilience.maxWaitMs',
    );
  });

  it('wants secrets as non-empty strings, or null to clear them', () => {
    expect(provider('virustotal', { apiKey: null })).toBeUndefined();
    expect(provider('virustotal', { apiKey: '' })).toBe('settings.apiKey');
    expect(provider('virustotal', { apiKey: 12345 })).toBe('settings.apiKey');
  });

  it('checks responder settings against their schema', () => {
    const responder = (input: JsonObject) =>
      fieldOf(() => validateSettingsInput(definition('slack'), input));
    expect(
      responder({ defaultChannel: '#soc', timeoutMs: 5000, botToken: 'xoxb' }),
    ).toBeUndefined();
    expect(responder({ defaultChannel: { id: 'C1' } })).toBe('settings.defaultChannel');
    expect(responder({ threads: true })).toBe('settings.threads');
    expect(responder({ 'bad key': 1 })).toBe('settings.bad key');
  });
});

describe('provider build check', () => {
  const check = (name: string, enabled: boolean, settings: JsonObject, secrets = {}) =>
    fieldOf(() =>
      checkCandidate(
        definition(name),
        resolveIntegration(definition(name), env, { enabled, settings, secrets }),
      ),
    );

  it('reports what the provider itself refuses', () => {
    expect(check('virustotal', true, {})).toBe('settings.apiKey');
    expect(check('otx', true, { baseUrl: 'ftp://x' }, { apiKey: 'k' })).toBe('settings.baseUrl');
    expect(check('feeds', true, { feeds: [{ name: 'a' }] })).toBe('settings.feeds[0].location');
    expect(check('rdap', true, { resilience: { rateLimit: { capacity: 0 } } })).toBe(
      'settings.resilience.rateLimit',
    );
  });

  it('lets a disabled provider be saved without its secret, still checking the rest', () => {
    expect(check('virustotal', false, {})).toBeUndefined();
    expect(check('virustotal', false, { baseUrl: 'ftp://x' })).toBe('settings.baseUrl');
  });
});
