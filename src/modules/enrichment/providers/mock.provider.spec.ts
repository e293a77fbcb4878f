import { INDICATOR_TYPES } from '../../../common/indicators/indicator';
import { DEMO_THREATS } from './demo-threat-list';
import { MockProvider } from './mock.provider';

describe(MockProvider.name, () => {
  const provider = new MockProvider({}, { now: () => 0 });

  it('rates every demo threat as listed, with its reason, and says it is mock', async () => {
    for (const threat of DEMO_THREATS) {
      const result = await provider.lookup({ type: threat.type, value: threat.value });
      expect(result).toMatchObject({
        provider: 'mock',
        mock: true,
        verdict: threat.verdict,
        reputationScore: threat.reputationScore,
        raw: { mock: true },
      });
      expect(result.summary).toContain(threat.summary);
      expect(result.summary).toMatch(/^\[mock\] .*not real threat intelligence/);
    }
  });

  it('matches case and surrounding space insensitively, but only the listed type', async () => {
    const [scanner] = DEMO_THREATS;
    expect((await provider.lookup({ type: 'ipv4', value: ` ${scanner.value} ` })).verdict).toBe(
      scanner.verdict,
    );
    expect(
      (await provider.lookup({ type: 'domain', value: 'PAYPA1-Secure-Billing.com' })).verdict,
    ).toBe('malicious');
    expect((await provider.lookup({ type: 'domain', value: scanner.value })).verdict).toBe(
      'unknown',
    );
  });

  it('answers unknown for everything off the list, whatever the value looks like', async () => {
    for (const value of ['evil.example', 'phishing-awareness.com', 'malware-research.org']) {
      const result = await provider.lookup({ type: 'domain', value });
      expect(result).toMatchObject({ verdict: 'unknown', reputationScore: 0, mock: true });
      expect(result.summary).toContain('not on the demo threat list');
    }
    expect(
      (await provider.lookup({ type: 'email', value: 'victim@northwind-traders.com' })).verdict,
    ).toBe('unknown');
  });

  it('gives the same indicator the same result every time and supports every type', async () => {
    const first = await provider.lookup({ type: 'ipv4', value: '198.51.100.7' });
    expect(
      await new MockProvider({}, { now: () => 0 }).lookup({ type: 'ipv4', value: '198.51.100.7' }),
    ).toEqual(first);
    expect(INDICATOR_TYPES.every((type) => provider.supports(type))).toBe(true);
  });
});
