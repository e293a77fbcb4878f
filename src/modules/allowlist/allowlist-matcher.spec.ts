import { parseCidrs } from '../../common/indicators/ip-address';
import { AllowlistMatcher } from './allowlist-matcher';

describe(AllowlistMatcher.name, () => {
  const matcher = new AllowlistMatcher([
    { type: 'ip', value: '198.51.100.10' },
    { type: 'ip', value: '2001:DB8::10' },
    { type: 'cidr', value: '10.0.0.0/8' },
    { type: 'cidr', value: '2001:db8:aaaa::/48' },
    { type: 'domain', value: 'Example.COM' },
    { type: 'url', value: 'HTTPS://Updates.Example.net:443/feed' },
    { type: 'hash', value: 'ABCDEF0123456789ABCDEF0123456789' },
    { type: 'cidr', value: 'not-a-cidr' },
    { type: 'ip', value: '999.1.1.1' },
  ]);

  it('matches IPs exactly in any notation', () => {
    expect(matcher.matches({ type: 'ipv4', value: '198.51.100.10' })).toBe(true);
    expect(matcher.matches({ type: 'ipv6', value: '2001:db8:0:0:0:0:0:10' })).toBe(true);
    expect(matcher.matches({ type: 'ipv4', value: '198.51.100.11' })).toBe(false);
  });

  it('matches addresses inside a CIDR of the same family', () => {
    expect(matcher.matches({ type: 'ipv4', value: '10.200.3.4' })).toBe(true);
    expect(matcher.matches({ type: 'ipv6', value: '2001:db8:aaaa:1::5' })).toBe(true);
    expect(matcher.matches({ type: 'ipv6', value: '2001:db8:bbbb::5' })).toBe(false);
    expect(matcher.matches({ type: 'ipv4', value: '11.0.0.1' })).toBe(false);
  });

  it('finds ranges that hold an allow-listed address or overlap an allow-listed range', () => {
    const [inside, around, apart, wider] = parseCidrs([
      '198.51.100.0/24',
      '10.1.0.0/16',
      '192.0.2.0/24',
      '2001:db8::/32',
    ]);
    expect(matcher.overlaps(inside)).toBe(true);
    expect(matcher.overlaps(around)).toBe(true);
    expect(matcher.overlaps(apart)).toBe(false);
    expect(matcher.overlaps(wider)).toBe(true);
  });

  it('matches a domain and its subdomains, not look-alikes', () => {
    expect(matcher.matches({ type: 'domain', value: 'example.com' })).toBe(true);
    expect(matcher.matches({ type: 'domain', value: 'www.EXAMPLE.com' })).toBe(true);
    expect(matcher.matches({ type: 'domain', value: 'badexample.com' })).toBe(false);
  });

  it('matches URLs after normalization', () => {
    expect(matcher.matches({ type: 'url', value: 'https://updates.example.net/feed' })).toBe(true);
    expect(matcher.matches({ type: 'url', value: 'https://updates.example.net/Feed' })).toBe(false);
  });

  it('matches hashes without case', () => {
    expect(matcher.matches({ type: 'md5', value: 'abcdef0123456789abcdef0123456789' })).toBe(true);
    expect(matcher.matches({ type: 'sha1', value: 'abcdef0123456789abcdef0123456789' })).toBe(true);
  });

  it('never matches other types or with no entries', () => {
    expect(matcher.matches({ type: 'email', value: 'a@example.com' })).toBe(false);
    expect(new AllowlistMatcher([]).matches({ type: 'ipv4', value: '10.0.0.1' })).toBe(false);
  });
});
