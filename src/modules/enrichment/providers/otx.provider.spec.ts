import { OtxFake } from '../../../../test/fakes/otx.fake';
import { describeHttpContract } from '../../../../test/fakes/http-provider.contract';
import { OtxProvider, otxPath } from './otx.provider';

describe(OtxProvider.name, () => {
  let fake: OtxFake;
  let provider: OtxProvider;

  beforeAll(async () => {
    fake = await new OtxFake().start();
    provider = new OtxProvider({ baseUrl: fake.url, apiKey: fake.apiKey, maxListItems: 3 });
  });
  afterAll(() => fake.stop());

  it('maps 4 pulses to malicious with bounded pulse names and tags', async () => {
    fake.setPulses('IPv4/203.0.113.50', [
      { name: 'Cobalt Strike C2', tags: ['c2', 'cobaltstrike'] },
      { name: 'Emotet infra', tags: ['emotet', 'c2'] },
      { name: 'Scanner list', tags: ['scanner'] },
      { name: 'Botnet feed', tags: ['botnet'] },
    ]);
    const result = await provider.lookup({ type: 'ipv4', value: '203.0.113.50' });
    expect(result).toMatchObject({
      provider: 'otx',
      verdict: 'malicious',
      summary: 'in 4 OTX pulses',
      details: {
        pulseCount: 4,
        pulseNames: ['Cobalt Strike C2', 'Emotet infra', 'Scanner list'],
        tags: ['c2', 'cobaltstrike', 'emotet'],
      },
    });
    expect(result.reputationScore).toBeGreaterThanOrEqual(0.7);
  });

  it('maps one pulse to suspicious and none to unknown', async () => {
    fake.setPulses('domain/example.com', [{ name: 'Phishing kit', tags: [] }]);
    const one = await provider.lookup({ type: 'domain', value: 'example.com' });
    const none = await provider.lookup({ type: 'sha256', value: 'b'.repeat(64) });
    expect([one.verdict, one.summary]).toEqual(['suspicious', 'in 1 OTX pulse']);
    expect([none.verdict, none.reputationScore, none.summary]).toEqual([
      'unknown',
      0,
      'in no OTX pulse',
    ]);
  });

  it('answers a 404 with an unknown result', async () => {
    fake.answer('hostname/www.example.com', 'not_found');
    const result = await provider.lookup({ type: 'domain', value: 'www.example.com' });
    expect([result.verdict, result.summary]).toEqual(['unknown', 'not found in OTX']);
  });

  it('uses the section the DirectConnect API names for each type', () => {
    expect(otxPath({ type: 'ipv6', value: '2001:db8::1' })).toBe(
      '/api/v1/indicators/IPv6/2001%3Adb8%3A%3A1/general',
    );
    expect(otxPath({ type: 'domain', value: 'evil.co.uk' })).toBe(
      '/api/v1/indicators/domain/evil.co.uk/general',
    );
    expect(otxPath({ type: 'domain', value: 'cdn.evil.co.uk' })).toBe(
      '/api/v1/indicators/hostname/cdn.evil.co.uk/general',
    );
    expect(otxPath({ type: 'md5', value: 'a'.repeat(32) })).toBe(
      `/api/v1/indicators/file/${'a'.repeat(32)}/general`,
    );
    expect(otxPath({ type: 'url', value: 'http://x.example/a b?c=1#f' })).toBe(
      '/api/v1/indicators/url/http://x.example/a%20b%3Fc=1%23f/general',
    );
  });

  it('round-trips a URL indicator to the fake intact', async () => {
    fake.setPulses('url/http://x.example/dl?id=7', [{ name: 'Dropper', tags: [] }]);
    const result = await provider.lookup({ type: 'url', value: 'http://x.example/dl?id=7' });
    expect(result.verdict).toBe('suspicious');
  });
});

describeHttpContract({
  provider: 'otx',
  newFake: () => new OtxFake(),
  settings: (fake) => ({ baseUrl: fake.url, apiKey: fake.apiKey }),
  indicator: { type: 'ipv4', value: '198.51.100.9' },
  key: 'IPv4/198.51.100.9',
  known: (fake) => fake.setPulses('IPv4/198.51.100.9', []),
});
