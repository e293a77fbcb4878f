import type { IndicatorType } from '../../common/indicators/indicator';
import type { EnrichmentObservable } from './enrichment.types';
import { planLookups } from './lookup-plan';
import type { ProviderName } from './providers/provider.types';

const provider = (name: ProviderName, types: IndicatorType[]) => ({
  provider: { name, supports: (type: IndicatorType) => types.includes(type) },
});
const observable = (
  id: string,
  type: IndicatorType,
  value: string,
  flags: Partial<EnrichmentObservable> = {},
): EnrichmentObservable => ({ id, type, value, internal: false, allowlisted: false, ...flags });

describe('planLookups', () => {
  const providers = [provider('virustotal', ['ipv4', 'domain']), provider('abuseipdb', ['ipv4'])];

  it('asks every provider that supports the type', () => {
    const plan = planLookups(
      [observable('a', 'ipv4', '203.0.113.5'), observable('b', 'domain', 'Evil.Example')],
      providers,
    );
    expect(plan.map((l) => `${l.observable.id}:${l.entry.provider.name}`)).toEqual([
      'a:virustotal',
      'a:abuseipdb',
      'b:virustotal',
    ]);
    expect(plan[2].key).toEqual({ provider: 'virustotal', type: 'domain', value: 'evil.example' });
  });

  it('never plans internal or allow-listed observables', () => {
    const plan = planLookups(
      [
        observable('a', 'ipv4', '10.0.0.1', { internal: true }),
        observable('b', 'ipv4', '192.0.2.1', { allowlisted: true }),
        observable('c', 'sha256', 'f'.repeat(64)),
      ],
      providers,
    );
    expect(plan).toEqual([]);
  });
});
