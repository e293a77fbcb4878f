import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadAppConfig } from './app-config';
import { ConfigError } from './config.error';

const SECRETS = {
  JWT_SECRET: 'j'.repeat(40),
  ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
};

describe('loadAppConfig', () => {
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'mini-soar-config-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('applies the documented defaults', () => {
    const config = loadAppConfig({ ...SECRETS, DATA_DIR: dataDir });
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      workers: 2,
      jwtExpiresInSeconds: 3600,
      logLevel: 'info',
      notifyOnly: false,
      publicUrl: 'http://localhost:3000',
    });
    expect(config.actions.executionTimeoutSeconds).toBe(900);
    expect(config.usesEmbeddedDatabase).toBe(true);
    expect(config.enrichment.cacheTtlSeconds).toBe(86400);
  });

  it('lists every invalid value in one ConfigError', () => {
    const attempt = () =>
      loadAppConfig({
        ...SECRETS,
        PORT: 'eighty',
        WORKERS: '-1',
        LOG_LEVEL: 'loud',
        DATABASE_URL: 'mysql://x',
      });
    expect(attempt).toThrow(ConfigError);
    for (const name of ['PORT', 'WORKERS', 'LOG_LEVEL', 'DATABASE_URL']) {
      expect(attempt).toThrow(new RegExp(`- ${name} `));
    }
  });

  it('refuses to start in production without the secrets', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production', DATA_DIR: dataDir })).toThrow(
      /production without JWT_SECRET and ENCRYPTION_KEY/,
    );
    expect(() =>
      loadAppConfig({ NODE_ENV: 'production', JWT_SECRET: SECRETS.JWT_SECRET, DATA_DIR: dataDir }),
    ).toThrow(/without ENCRYPTION_KEY/);
  });

  it('generates development secrets once, privately, and reuses them', () => {
    const first = loadAppConfig({ DATA_DIR: dataDir });
    const second = loadAppConfig({ DATA_DIR: dataDir });
    expect(first.jwtSecret).toBe(second.jwtSecret);
    expect(first.encryptionKey.equals(second.encryptionKey)).toBe(true);
    expect(first.startupWarnings[0]).toMatch(/development secrets/);
    const file = join(dataDir, 'dev-secrets.json');
    expect(statSync(file).mode & 0o077).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain(first.jwtSecret);
  });

  it('accepts a hex or base64 encryption key of 32 bytes only', () => {
    expect(
      loadAppConfig({ ...SECRETS, ENCRYPTION_KEY: 'ab'.repeat(32) }).encryptionKey,
    ).toHaveLength(32);
    expect(() =>
      loadAppConfig({ ...SECRETS, ENCRYPTION_KEY: Buffer.alloc(16).toString('base64') }),
    ).toThrow(/32 bytes/);
  });

  it('rejects a short JWT secret and parses durations', () => {
    expect(() => loadAppConfig({ ...SECRETS, JWT_SECRET: 'short' })).toThrow(/at least 32/);
    expect(loadAppConfig({ ...SECRETS, JWT_EXPIRES_IN: '15m' }).jwtExpiresInSeconds).toBe(900);
    expect(() => loadAppConfig({ ...SECRETS, JWT_EXPIRES_IN: 'soon' })).toThrow(/JWT_EXPIRES_IN/);
  });

  it('parses lists, feeds and scoring weights', () => {
    const config = loadAppConfig({
      ...SECRETS,
      INTERNAL_CIDRS: '10.0.0.0/8, 192.0.2.0/24',
      INTERNAL_DOMAINS: 'Corp.Example',
      THREAT_FEEDS: 'abuse=/srv/feeds/abuse.txt,urlhaus=http://127.0.0.1:9/urls.csv',
      SCORE_WEIGHTS: '{"threatIntel":40}',
    });
    expect(config.internalCidrs).toEqual(['10.0.0.0/8', '192.0.2.0/24']);
    expect(config.internalDomains).toEqual(['corp.example']);
    expect(config.enrichment.feeds).toEqual([
      { name: 'abuse', location: '/srv/feeds/abuse.txt' },
      { name: 'urlhaus', location: 'http://127.0.0.1:9/urls.csv' },
    ]);
    expect(config.scoreWeights).toEqual({ threatIntel: 40 });
    expect(() => loadAppConfig({ ...SECRETS, THREAT_FEEDS: 'nameless' })).toThrow(
      /name=path-or-url/,
    );
    expect(() => loadAppConfig({ ...SECRETS, SCORE_WEIGHTS: '[1]' })).toThrow(/JSON object/);
  });

  it('takes PUBLIC_URL as an http(s) URL without its trailing slash; the default follows PORT', () => {
    expect(loadAppConfig({ ...SECRETS, PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    for (const [given, used] of [
      ['https://soar.example.com/', 'https://soar.example.com'],
      ['http://10.0.0.5:3000/soar//', 'http://10.0.0.5:3000/soar'],
    ])
      expect(loadAppConfig({ ...SECRETS, PUBLIC_URL: given }).publicUrl).toBe(used);
    for (const bad of ['soar.example.com', 'ftp://soar.example.com', 'https://'])
      expect(() => loadAppConfig({ ...SECRETS, PUBLIC_URL: bad })).toThrow(
        /PUBLIC_URL must be an http\(s\):\/\/ URL/,
      );
  });

  it('reads OUTBOUND_ALLOW_CIDRS as CIDRs or addresses and refuses anything else', () => {
    const config = loadAppConfig({
      ...SECRETS,
      OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8, fd00::/8,10.1.2.3',
    });
    expect(config.outboundAllowCidrs).toEqual(['127.0.0.0/8', 'fd00::/8', '10.1.2.3']);
    expect(loadAppConfig({ ...SECRETS }).outboundAllowCidrs).toEqual([]);
    for (const bad of ['localhost', '10.0.0.0/33', '127.0.0.0/8,nope']) {
      expect(() => loadAppConfig({ ...SECRETS, OUTBOUND_ALLOW_CIDRS: bad })).toThrow(
        /OUTBOUND_ALLOW_CIDRS must be a comma-separated list of CIDRs/,
      );
    }
  });
});
