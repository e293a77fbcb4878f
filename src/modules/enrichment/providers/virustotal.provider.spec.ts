import { VirusTotalFake } from '../../../../test/fakes/virustotal.fake';
import { describeHttpContract } from '../../../../test/fakes/http-provider.contract';
import { VirusTotalProvider, virusTotalPath } from './virustotal.provider';

describe(VirusTotalProvider.name, () => {
  let fake: VirusTotalFake;
  let provider: VirusTotalProvider;

  beforeAll(async () => {
    fake = await new VirusTotalFake().start();
    provider = new VirusTotalProvider({
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      timeoutMs: 10_000,
    });
  });
  afterAll(() => fake.stop());

  it('maps 5 malicious engines to malicious with the engine counts in details', async () => {
    fake.setObject(
      'ip_addresses/203.0.113.7',
      { malicious: 5, suspicious: 1, harmless: 60, undetected: 24 },
      { reputation: -12 },
    );
    const result = await provider.lookup({ type: 'ipv4', value: '203.0.113.7' });
    expect(result).toMatchObject({
      provider: 'virustotal',
      verdict: 'malicious',
      mock: false,
      summary: '5/90 engines malicious, 1 suspicious, 60 harmless',
      details: { malicious: 5, suspicious: 1, harmless: 60, undetected: 24, reputation: -12 },
    });
    expect(result.reputationScore).toBeCloseTo(0.75, 2);
    expect(result.queriedAt).toBeInstanceOf(Date);
  });

  it('calls a verdict suspicious below the malicious threshold', async () => {
    fake.setObject('domains/example.com', { malicious: 1, suspicious: 2, harmless: 70 });
    const result = await provider.lookup({ type: 'domain', value: 'Example.COM' });
    expect(result.verdict).toBe('suspicious');
    expect(result.reputationScore).toBeGreaterThanOrEqual(0.3);
    expect(result.reputationScore).toBeLessThan(0.7);
  });

  it('calls many harmless and no bad engines harmless, and few engines unknown', async () => {
    const sha256 = 'a'.repeat(64);
    fake.setObject(`files/${sha256}`, { harmless: 0, undetected: 70 });
    fake.setObject('urls/' + VirusTotalFake.urlId('https://good.example/'), { harmless: 80 });
    const url = await provider.lookup({ type: 'url', value: 'https://good.example/' });
    const file = await provider.lookup({ type: 'sha256', value: sha256 });
    expect([url.verdict, url.reputationScore]).toEqual(['harmless', 0]);
    expect([file.verdict, file.reputationScore]).toEqual(['unknown', 0]);
  });

  it('honours a configured malicious threshold', async () => {
    fake.setObject('ip_addresses/198.51.100.1', { malicious: 2, harmless: 50 });
    const strict = new VirusTotalProvider({
      baseUrl: fake.url,
      apiKey: fake.apiKey,
      maliciousThreshold: 2,
    });
    expect((await strict.lookup({ type: 'ipv4', value: '198.51.100.1' })).verdict).toBe(
      'malicious',
    );
  });

  it('answers NotFoundError with an unknown result, not an error', async () => {
    const result = await provider.lookup({
      type: 'md5',
      value: 'd41d8cd98f00b204e9800998ecf8427e',
    });
    expect(result).toMatchObject({
      verdict: 'unknown',
      reputationScore: 0,
      summary: 'not found in VirusTotal dataset',
    });
  });

  it('uses the v3 paths, with URL ids as unpadded base64url', () => {
    expect(virusTotalPath({ type: 'ipv6', value: '2001:DB8::1' })).toBe(
      '/api/v3/ip_addresses/2001%3Adb8%3A%3A1',
    );
    expect(virusTotalPath({ type: 'url', value: 'http://a.example/?q=1' })).toBe(
      `/api/v3/urls/${Buffer.from('http://a.example/?q=1').toString('base64url')}`,
    );
    expect(virusTotalPath({ type: 'url', value: 'http://a.example/?q=1' })).not.toContain('=');
    expect(virusTotalPath({ type: 'sha1', value: 'F'.repeat(40) })).toBe(
      `/api/v3/files/${'f'.repeat(40)}`,
    );
  });

  it('does not follow redirects, so the x-apikey header never reaches another host', async () => {
    const elsewhere = await new VirusTotalFake().start();
    try {
      const location = `${elsewhere.url}/api/v3/domains/moved.example`;
      fake.answer('domains/moved.example', { scenario: 'redirect', location });
      await expect(
        provider.lookup({ type: 'domain', value: 'moved.example' }),
      ).rejects.toMatchObject({
        kind: 'bad_response',
        status: 302,
      });
      expect(elsewhere.totalRequests).toBe(0);
    } finally {
      await elsewhere.stop();
    }
  });

  it('looks up every indicator type but email', () => {
    expect(provider.supports('email')).toBe(false);
    expect(provider.supports('sha1')).toBe(true);
  });
});

describeHttpContract({
  provider: 'virustotal',
  newFake: () => new VirusTotalFake(),
  settings: (fake) => ({ baseUrl: fake.url, apiKey: fake.apiKey }),
  indicator: { type: 'domain', value: 'contract.example' },
  key: 'domains/contract.example',
  known: (fake) => fake.setObject('domains/contract.example', { harmless: 10 }),
});
