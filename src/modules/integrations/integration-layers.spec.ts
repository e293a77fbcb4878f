import { loadAppConfig, type Environment } from '../../config/app-config';
import { INTEGRATION_DEFINITIONS } from '../../integrations.list';
import { IntegrationRegistry } from './integration-registry';
import { resolveIntegration } from './integration-layers';
import { buildSnapshot, type StoredIntegration } from './integrations.snapshot';

const envOf = (environment: Environment = {}) =>
  loadAppConfig({ JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: 'a'.repeat(64), ...environment })
    .enrichment;
const registry = new IntegrationRegistry(INTEGRATION_DEFINITIONS);
const definition = (name: string) => registry.get(name)!;
const row = (name: string, overrides: Partial<StoredIntegration> = {}): StoredIntegration => ({
  name,
  enabled: true,
  settings: {},
  secrets: {},
  updatedAt: new Date(0),
  updatedById: null,
  ...overrides,
});

describe('effective integration settings', () => {
  it('starts from the provider defaults, without secrets, plus the cache lifetime', () => {
    const vt = resolveIntegration(definition('virustotal'), envOf());
    expect(vt).toMatchObject({
      enabled: false,
      source: 'default',
      settings: {
        baseUrl: 'https://www.virustotal.com',
        timeoutMs: 15_000,
        cacheTtlSeconds: 86_400,
      },
      secrets: {},
    });
    expect(vt.settings).not.toHaveProperty('apiKey');
    expect(resolveIntegration(definition('feeds'), envOf()).settings.cacheTtlSeconds).toBe(0);
  });

  it('lets the environment enable a vendor with its key and base URL', () => {
    const env = envOf({ VT_API_KEY: 'env-key', VT_BASE_URL: 'http://127.0.0.1:9' });
    const vt = resolveIntegration(definition('virustotal'), env);
    expect(vt).toMatchObject({
      enabled: true,
      source: 'environment',
      settings: { baseUrl: 'http://127.0.0.1:9', timeoutMs: 15_000 },
      secrets: { apiKey: 'env-key' },
    });
    expect(vt.sources).toMatchObject({
      enabled: 'environment',
      apiKey: 'environment',
      baseUrl: 'environment',
      timeoutMs: 'default',
    });
  });

  it('maps RDAP_ENABLED, RDAP_BOOTSTRAP and THREAT_FEEDS', () => {
    const env = envOf({
      RDAP_ENABLED: 'true',
      RDAP_BOOTSTRAP: '/srv/rdap',
      THREAT_FEEDS: 'abuse=/srv/feeds/abuse.txt',
      THREAT_FEEDS_REFRESH_SECONDS: '600',
    });
    expect(resolveIntegration(definition('rdap'), env)).toMatchObject({
      enabled: true,
      settings: { bootstrapBase: '/srv/rdap' },
    });
    expect(resolveIntegration(definition('feeds'), env)).toMatchObject({
      enabled: true,
      settings: {
        feeds: [{ name: 'abuse', location: '/srv/feeds/abuse.txt' }],
        refreshIntervalMs: 600_000,
      },
    });
  });

  it('puts the database row on top, key by key', () => {
    const env = envOf({ VT_API_KEY: 'env-key', VT_BASE_URL: 'http://env.example' });
    const vt = resolveIntegration(definition('virustotal'), env, {
      enabled: false,
      settings: { timeoutMs: 500 },
      secrets: {},
    });
    expect(vt).toMatchObject({
      enabled: false,
      source: 'database',
      settings: { baseUrl: 'http://env.example', timeoutMs: 500 },
      secrets: { apiKey: 'env-key' },
    });
    expect(vt.sources).toMatchObject({
      enabled: 'database',
      timeoutMs: 'database',
      apiKey: 'environment',
    });
  });
});

describe('the mock provider rule', () => {
  const mockOf = (environment: Environment, rows: StoredIntegration[] = []) =>
    buildSnapshot(1, rows, envOf(environment), registry).effective('mock');

  it('is on by default only while no real provider is enabled', () => {
    expect(mockOf({})).toMatchObject({ enabled: true, sources: { enabled: 'auto' } });
    expect(mockOf({ OTX_API_KEY: 'k' }).enabled).toBe(false);
    expect(mockOf({}, [row('rdap')]).enabled).toBe(false);
    expect(mockOf({}, [row('rdap', { enabled: false })]).enabled).toBe(true);
  });

  it('is forced by MOCK_ENRICHMENT=true/false and by an admin decision', () => {
    expect(mockOf({ MOCK_ENRICHMENT: 'true', OTX_API_KEY: 'k' }).enabled).toBe(true);
    expect(mockOf({ MOCK_ENRICHMENT: 'false' }).enabled).toBe(false);
    expect(mockOf({ MOCK_ENRICHMENT: 'false' }, [row('mock')]).enabled).toBe(true);
  });
});

describe('integration snapshots', () => {
  it('names the integrations whose effective configuration changed', () => {
    const env = envOf();
    const before = buildSnapshot(
      1,
      [row('slack', { settings: { channel: '#soc' } })],
      env,
      registry,
    );
    const after = buildSnapshot(
      2,
      [
        row('slack', { settings: { channel: '#soc' } }),
        row('virustotal', { secrets: { apiKey: 'k' } }),
      ],
      env,
      registry,
    );
    // Enabling a real provider also switches the automatic mock off.
    expect(after.changedSince(before).sort()).toEqual(['mock', 'virustotal']);
    expect(after.changedSince(after)).toEqual([]);
  });

  it('reads a configuration with its secrets for other modules', () => {
    const snapshot = buildSnapshot(
      1,
      [row('slack', { settings: { defaultChannel: '#soc' }, secrets: { botToken: 'xoxb-1' } })],
      envOf(),
      registry,
    );
    expect(snapshot.get('slack')).toEqual({
      enabled: true,
      settings: {
        apiUrl: 'https://slack.com/api/',
        approvalChannel: '',
        defaultChannel: '#soc',
        timeoutMs: 10_000,
      },
      secrets: { botToken: 'xoxb-1' },
    });
    expect(snapshot.view('teams')).toMatchObject({
      updatedAt: null,
      integration: { enabled: false },
    });
  });
});
