import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RdapFake, type BootstrapScope } from '../../../../test/fakes/rdap.fake';
import { describeHttpContract } from '../../../../test/fakes/http-provider.contract';
import { matchDomain, matchIp, type BootstrapService } from './rdap-bootstrap';
import { RdapProvider, type RdapSettings } from './rdap.provider';

const NOW = Date.parse('2024-06-15T12:00:00Z');
const DAY = 86_400_000;
const SCOPE: BootstrapScope = {
  tlds: ['com', 'net'],
  ipv4: ['203.0.113.0/24'],
  ipv6: ['2001:db8::/32'],
};

describe(RdapProvider.name, () => {
  let fake: RdapFake;
  let dir: string;
  const build = (settings: Partial<RdapSettings> = {}): RdapProvider =>
    new RdapProvider(
      { bootstrapBase: dir, baseUrl: `${fake.url}/fallback/`, ...settings },
      { now: () => NOW },
    );

  beforeAll(async () => {
    fake = await new RdapFake().start();
    dir = await mkdtemp(join(tmpdir(), 'rdap-bootstrap-'));
    await fake.writeBootstrap(dir, SCOPE);
    fake.setDomain('old.com', {
      registeredAt: new Date(NOW - 400 * DAY).toISOString(),
      expiresAt: '2026-01-01T00:00:00Z',
      registrar: 'Example Registrar, Inc.',
      nameservers: ['NS1.OLD.COM', 'NS2.OLD.COM'],
    });
    fake.setDomain('fresh.com', {
      registeredAt: new Date(NOW - 5 * DAY).toISOString(),
      expiresAt: '2025-06-10T00:00:00Z',
      registrar: 'Cheap Names LLC',
      nameservers: ['ns1.cheap.example'],
    });
    fake.setDomain('example.org', {
      registeredAt: '1995-08-31T04:00:00Z',
      expiresAt: '2030-08-30T04:00:00Z',
      registrar: 'Org Registrar',
      nameservers: [],
    });
    fake.setNetwork('203.0.113.10', {
      cidr: '203.0.113.0/24',
      name: 'DOC-NET',
      owner: 'Documentation Networks',
      country: 'ZZ',
    });
    fake.setNetwork('2001:db8::5', {
      cidr: '2001:db8::/32',
      name: 'DOC6',
      owner: 'IPv6 Docs',
      country: 'ZZ',
    });
  });
  afterAll(async () => {
    await fake.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('reads registration, expiry, registrar and nameservers of a domain found through the bootstrap file', async () => {
    const result = await build().lookup({ type: 'domain', value: 'old.com' });
    expect(result).toMatchObject({
      provider: 'rdap',
      verdict: 'unknown',
      reputationScore: 0,
      summary: 'registered 400 days ago via Example Registrar, Inc.',
      details: {
        registeredAt: new Date(NOW - 400 * DAY).toISOString(),
        expiresAt: '2026-01-01T00:00:00.000Z',
        registrar: 'Example Registrar, Inc.',
        nameservers: ['ns1.old.com', 'ns2.old.com'],
        ageDays: 400,
      },
    });
    expect(fake.count('/rdap/domain/old.com')).toBeGreaterThan(0);
  });

  it('calls a domain registered under 30 days ago suspicious, with a low score, querying the registered name', async () => {
    const result = await build().lookup({ type: 'domain', value: 'login.fresh.com' });
    expect(result.verdict).toBe('suspicious');
    expect(result.reputationScore).toBe(0.3);
    expect(result.summary).toBe(
      'registered 5 days ago via Cheap Names LLC: newly registered (under 30 days)',
    );
    expect(fake.count('/rdap/domain/fresh.com')).toBe(1);
  });

  it('honours a configured new-domain age', async () => {
    const result = await build({ newDomainDays: 3 }).lookup({ type: 'domain', value: 'fresh.com' });
    expect(result.verdict).toBe('unknown');
  });

  it('reads network name, owner, country and CIDR of IPv4 and IPv6 addresses', async () => {
    const v4 = await build().lookup({ type: 'ipv4', value: '203.0.113.10' });
    const v6 = await build().lookup({ type: 'ipv6', value: '2001:db8::5' });
    expect(v4).toMatchObject({
      verdict: 'unknown',
      summary: 'network DOC-NET, 203.0.113.0/24, Documentation Networks, ZZ',
      details: {
        networkName: 'DOC-NET',
        owner: 'Documentation Networks',
        country: 'ZZ',
        cidr: '203.0.113.0/24',
      },
    });
    expect(v6.details).toMatchObject({
      networkName: 'DOC6',
      cidr: '2001:db8::/32',
      owner: 'IPv6 Docs',
    });
    expect(fake.count('/rdap/ip/2001:db8::5')).toBe(1);
  });

  it('loads the bootstrap from a URL once and reuses it', async () => {
    const provider = build({ bootstrapBase: `${fake.url}/bootstrap/` });
    await provider.lookup({ type: 'domain', value: 'old.com' });
    await provider.lookup({ type: 'domain', value: 'fresh.com' });
    expect(fake.count('/bootstrap/dns.json')).toBe(1);
  });

  it('falls back to baseUrl when the bootstrap has no match or cannot be read', async () => {
    const before = fake.count('/fallback/domain/example.org');
    await build().lookup({ type: 'domain', value: 'example.org' });
    const missing = build({ bootstrapBase: join(dir, 'missing') });
    const result = await missing.lookup({ type: 'domain', value: 'old.com' });
    expect(fake.count('/fallback/domain/example.org')).toBe(before + 1);
    expect(fake.count('/fallback/domain/old.com')).toBe(1);
    expect(result.details).toMatchObject({ registrar: 'Example Registrar, Inc.' });
  });

  it('answers an unregistered domain with an unknown result', async () => {
    const result = await build().lookup({ type: 'domain', value: 'never-registered.net' });
    expect([result.verdict, result.summary]).toEqual([
      'unknown',
      'never-registered.net not found in RDAP',
    ]);
  });
});

describe('RDAP bootstrap matching', () => {
  const services: BootstrapService[] = [
    [['uk'], ['https://rdap.uk/']],
    [['co.uk'], ['http://only-http.example/', 'https://rdap.co-uk.example/']],
    [['10.0.0.0/8'], ['https://wide.example/']],
    [['10.1.0.0/16'], ['https://narrow.example/']],
    [['2001:db8::/32'], ['https://v6.example/']],
  ];

  it('picks the longest domain suffix and prefers https', () => {
    expect(matchDomain(services, 'shop.example.co.uk')).toBe('https://rdap.co-uk.example/');
    expect(matchDomain(services, 'example.uk')).toBe('https://rdap.uk/');
    expect(matchDomain(services, 'example.com')).toBeUndefined();
  });

  it('picks the longest matching prefix of the same address family', () => {
    expect(matchIp(services, '10.1.2.3')).toBe('https://narrow.example/');
    expect(matchIp(services, '10.9.2.3')).toBe('https://wide.example/');
    expect(matchIp(services, '2001:db8::1')).toBe('https://v6.example/');
    expect(matchIp(services, '192.0.2.1')).toBeUndefined();
  });
});

let contractDir: string;
afterAll(() => rm(contractDir, { recursive: true, force: true }));

describeHttpContract({
  provider: 'rdap',
  newFake: () => new RdapFake(),
  settings: async (fake) => {
    contractDir ??= await mkdtemp(join(tmpdir(), 'rdap-contract-'));
    await fake.writeBootstrap(contractDir, SCOPE);
    return { bootstrapBase: contractDir, baseUrl: '' };
  },
  indicator: { type: 'domain', value: 'contract.com' },
  key: 'domain/contract.com',
  known: (fake) =>
    fake.setDomain('contract.com', {
      registeredAt: '2020-01-01T00:00:00Z',
      expiresAt: '2030-01-01T00:00:00Z',
      registrar: 'R',
      nameservers: [],
    }),
});
