import { ManualClock } from '../../../../test/fakes/manual-clock.fake';
import { ResilientProvider } from '../resilience/resilient.provider';
import { AbuseIpdbProvider } from './abuseipdb.provider';
import { ProviderSettingsError } from './provider.errors';
import { buildConfiguredProvider } from './provider-definition';
import { PROVIDER_DEFINITIONS, providerDefinition } from './provider.registry';
import { VirusTotalProvider } from './virustotal.provider';

const createProvider = (name: string, settings: Record<string, unknown>) =>
  providerDefinition(name).create(settings, {});

describe('provider registry', () => {
  it('builds every listed provider from its settings', () => {
    for (const { name, create } of PROVIDER_DEFINITIONS) {
      const provider = create({ apiKey: 'k' }, {});
      expect(provider.name).toBe(name);
    }
  });

  it('fills defaults and ignores values of the wrong type', () => {
    const provider = createProvider('virustotal', {
      apiKey: 'k',
      maliciousThreshold: '9',
      timeoutMs: -5,
    }) as VirusTotalProvider;
    expect(provider.settings).toMatchObject({
      baseUrl: 'https://www.virustotal.com',
      maliciousThreshold: 3,
      harmlessThreshold: 5,
      timeoutMs: 15_000,
    });
  });

  it('refuses a keyed vendor without an API key', () => {
    expect(() => createProvider('abuseipdb', {})).toThrow(ProviderSettingsError);
    expect(() => createProvider('otx', { apiKey: 'k', baseUrl: 'ftp://x' })).toThrow('baseUrl');
  });

  it('names the secret settings so the API can keep them write-only', () => {
    expect(providerDefinition('virustotal').secretKeys).toEqual(['apiKey']);
    expect(providerDefinition('rdap').secretKeys).toEqual([]);
  });

  it('wraps a provider with its resilience, taking overrides from the same settings object', async () => {
    const clock = new ManualClock();
    const provider = buildConfiguredProvider(
      providerDefinition('abuseipdb'),
      {
        settings: { resilience: { rateLimit: { capacity: 1 }, maxWaitMs: 0 } },
        secrets: { apiKey: 'k' },
      },
      { clock },
    );
    expect(provider).toBeInstanceOf(ResilientProvider);
    expect(provider.inner).toBeInstanceOf(AbuseIpdbProvider);
    jest.spyOn(provider.inner, 'lookup').mockResolvedValue({} as never);
    await provider.lookup({ type: 'ipv4', value: '192.0.2.1' });
    await expect(provider.lookup({ type: 'ipv4', value: '192.0.2.2' })).rejects.toMatchObject({
      kind: 'rate_limited',
      local: true,
    });
  });

  it('finds providers by name and refuses unknown ones', () => {
    expect(providerDefinition('otx').kind).toBe('provider');
    expect(() => providerDefinition('slack')).toThrow(RangeError);
  });
});
