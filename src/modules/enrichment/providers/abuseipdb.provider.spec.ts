import { AbuseIpdbFake } from '../../../../test/fakes/abuseipdb.fake';
import { AbuseIpdbProvider } from './abuseipdb.provider';
import { describeHttpContract } from '../../../../test/fakes/http-provider.contract';

describe(AbuseIpdbProvider.name, () => {
  let fake: AbuseIpdbFake;
  let provider: AbuseIpdbProvider;

  beforeAll(async () => {
    fake = await new AbuseIpdbFake().start();
    provider = new AbuseIpdbProvider({ baseUrl: fake.url, apiKey: fake.apiKey });
  });
  afterAll(() => fake.stop());

  it('maps a high confidence score to malicious with the CHECK figures in details', async () => {
    fake.setRecord('185.220.101.4', {
      abuseConfidenceScore: 100,
      totalReports: 1532,
      countryCode: 'DE',
      isp: 'Tor Exit Hosting',
      usageType: 'Reserved',
    });
    const result = await provider.lookup({ type: 'ipv4', value: '185.220.101.4' });
    expect(result).toMatchObject({
      verdict: 'malicious',
      reputationScore: 1,
      summary: 'abuse confidence 100% from 1532 reports',
      details: {
        abuseConfidenceScore: 100,
        totalReports: 1532,
        countryCode: 'DE',
        isp: 'Tor Exit Hosting',
        usageType: 'Reserved',
        isWhitelisted: false,
      },
    });
    expect((result.raw as { data: { reports: unknown[] } }).data.reports).toHaveLength(5);
  });

  it('sends the documented query and headers', async () => {
    await provider.lookup({ type: 'ipv6', value: '2001:db8::7' });
    expect(fake.lastQuery?.get('ipAddress')).toBe('2001:db8::7');
    expect(fake.lastQuery?.get('maxAgeInDays')).toBe('90');
    expect(fake.lastQuery?.has('verbose')).toBe(true);
  });

  it.each([
    [40, 3, false, 'suspicious', 0.4],
    [10, 2, false, 'unknown', 0.1],
    [0, 0, false, 'harmless', 0],
    [0, 4, true, 'harmless', 0],
  ])(
    'maps score %i with %i reports (whitelisted %s) to %s',
    async (score, reports, whitelisted, verdict, reputation) => {
      const ip = `192.0.2.${score + reports}`;
      fake.setRecord(ip, {
        abuseConfidenceScore: score,
        totalReports: reports,
        isWhitelisted: whitelisted,
      });
      const result = await provider.lookup({ type: 'ipv4', value: ip });
      expect([result.verdict, result.reputationScore]).toEqual([verdict, reputation]);
    },
  );

  it('looks up IP addresses only', () => {
    expect(provider.supports('ipv4') && provider.supports('ipv6')).toBe(true);
    expect(provider.supports('domain')).toBe(false);
  });
});

describeHttpContract({
  provider: 'abuseipdb',
  newFake: () => new AbuseIpdbFake(),
  settings: (fake) => ({ baseUrl: fake.url, apiKey: fake.apiKey }),
  indicator: { type: 'ipv4', value: '198.51.100.23' },
  key: '198.51.100.23',
  known: (fake) => fake.setRecord('198.51.100.23', { abuseConfidenceScore: 5, totalReports: 1 }),
});
