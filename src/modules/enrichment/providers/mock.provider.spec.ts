import { INDICATOR_TYPES } from '../../../common/types/indicator';
import { MockProvider } from './mock.provider';

describe(MockProvider.name, () => {
  const provider = new MockProvider({}, { now: () => 0 });

  it('gives the same indicator the same labelled result every time', async () => {
    const first = await provider.lookup({ type: 'domain', value: 'shop.example' });
    const again = await new MockProvider({}, { now: () => 0 }).lookup({
      type: 'domain',
      value: 'SHOP.example ',
    });
    expect(again).toEqual(first);
    expect(first.mock).toBe(true);
    expect(first.summary.startsWith('[mock] ')).toBe(true);
    expect(first.raw).toEqual({ mock: true });
  });

  it('honours obvious test markers in the value', async () => {
    const evil = await provider.lookup({ type: 'url', value: 'http://evil.example/payload' });
    const malicious = await provider.lookup({ type: 'domain', value: 'malicious-test.example' });
    const sketchy = await provider.lookup({ type: 'domain', value: 'suspicious.example' });
    expect([evil.verdict, malicious.verdict, sketchy.verdict]).toEqual([
      'malicious',
      'malicious',
      'suspicious',
    ]);
    expect(evil.reputationScore).toBeGreaterThanOrEqual(0.7);
    expect(evil.summary).toContain('test marker');
  });

  it('spreads hashed values over every verdict, mostly harmless or unknown', async () => {
    const results = await Promise.all(
      Array.from({ length: 400 }, (_, i) =>
        provider.lookup({ type: 'ipv4', value: `192.0.2.${i % 256}/${i}` }),
      ),
    );
    const counts = results.reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r.verdict]: (acc[r.verdict] ?? 0) + 1 }),
      {},
    );
    expect(Object.keys(counts).sort()).toEqual(['harmless', 'malicious', 'suspicious', 'unknown']);
    expect(counts.harmless + counts.unknown).toBeGreaterThan(300);
  });

  it('changes the assignment with the seed and supports every type', async () => {
    const values = Array.from({ length: 50 }, (_, i) => `host-${i}.example`);
    const verdicts = (p: MockProvider) =>
      Promise.all(values.map(async (value) => (await p.lookup({ type: 'domain', value })).verdict));
    expect(await verdicts(new MockProvider({ seed: 'other' }))).not.toEqual(
      await verdicts(provider),
    );
    expect(INDICATOR_TYPES.every((type) => provider.supports(type))).toBe(true);
  });
});
