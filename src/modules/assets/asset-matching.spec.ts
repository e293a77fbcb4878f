import { AssetCriticality } from '../../generated/prisma/enums';
import { canonicalIp, mostCritical, toAssetLookup } from './asset-matching';

const asset = (hostname: string, criticality: AssetCriticality, ip: string | null = null) => ({
  hostname,
  criticality,
  ip,
});

describe('asset matching', () => {
  it('cleans the keys: lowercase host name, canonical and unique IPs, junk dropped', () => {
    expect(
      toAssetLookup({
        hostname: 'WS-042.Corp.Example.com.',
        ips: ['10.0.0.5', '2001:DB8::1', 'x', '10.0.0.5'],
      }),
    ).toEqual({
      hostname: 'ws-042.corp.example.com',
      shortName: 'ws-042',
      ips: ['10.0.0.5', '2001:db8::1'],
    });
    expect(toAssetLookup({ hostname: 'has spaces', ips: [] })).toBeNull();
    expect(canonicalIp('::ffff:10.0.0.1')).toBe('10.0.0.1');
  });

  it('matches by host name, short name both ways, or any IP', () => {
    const candidates = [
      asset('ws-042', AssetCriticality.LOW),
      asset('db-01.corp.example.com', AssetCriticality.HIGH),
      asset('dc-01.corp.example.com', AssetCriticality.CRITICAL, '10.0.0.10'),
    ];
    const find = (hostname: string | null, ips: string[] = []) =>
      mostCritical(candidates, toAssetLookup({ hostname, ips })!)?.hostname ?? null;
    expect(find('ws-042.corp.example.com')).toBe('ws-042');
    expect(find('db-01')).toBe('db-01.corp.example.com');
    expect(find('db-01.other.example.com')).toBeNull();
    expect(find(null, ['10.0.0.10'])).toBe('dc-01.corp.example.com');
    expect(find('nobody', ['10.9.9.9'])).toBeNull();
  });

  it('picks the most critical of several matches', () => {
    const candidates = [
      asset('web-01', AssetCriticality.MEDIUM),
      asset('lb-01', AssetCriticality.CRITICAL, '10.0.0.1'),
      asset('web-01.dmz.example.com', AssetCriticality.HIGH),
    ];
    const lookup = toAssetLookup({ hostname: 'web-01', ips: ['10.0.0.1'] })!;
    expect(mostCritical(candidates, lookup)?.hostname).toBe('lb-01');
  });
});
