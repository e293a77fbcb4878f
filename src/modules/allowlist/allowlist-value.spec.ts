import { inferIndicator, normalizeAllowlistValue } from './allowlist-value';
import { AllowlistValueError } from './allowlist.errors';

describe('allow-list values', () => {
  it('stores IPs in canonical form', () => {
    expect(normalizeAllowlistValue('ip', ' 192.0.2.10 ')).toBe('192.0.2.10');
    expect(normalizeAllowlistValue('ip', '2001:DB8:0:0:0:0:0:1')).toBe('2001:db8::1');
    expect(normalizeAllowlistValue('ip', '::ffff:192.0.2.1')).toBe('192.0.2.1');
  });

  it('stores CIDRs by their network address and refuses over-broad ones', () => {
    expect(normalizeAllowlistValue('cidr', '10.1.2.3/8')).toBe('10.0.0.0/8');
    expect(normalizeAllowlistValue('cidr', '2001:DB8:AAAA::1/48')).toBe('2001:db8:aaaa::/48');
    expect(() => normalizeAllowlistValue('cidr', '0.0.0.0/0')).toThrow(/too broad/);
    expect(() => normalizeAllowlistValue('cidr', '10.0.0.1')).toThrow(AllowlistValueError);
    expect(() => normalizeAllowlistValue('cidr', '10.0.0.0/33')).toThrow(AllowlistValueError);
  });

  it('lowercases domains and refuses public suffixes and IPs', () => {
    expect(normalizeAllowlistValue('domain', 'Updates.Example.COM.')).toBe('updates.example.com');
    expect(normalizeAllowlistValue('domain', '*.example.org')).toBe('example.org');
    expect(() => normalizeAllowlistValue('domain', 'co.uk')).toThrow(/public suffix/);
    expect(() => normalizeAllowlistValue('domain', 'com')).toThrow(AllowlistValueError);
    expect(() => normalizeAllowlistValue('domain', '192.0.2.1')).toThrow(/type ip/);
    expect(() => normalizeAllowlistValue('domain', 'bad domain.com')).toThrow(AllowlistValueError);
  });

  it('accepts absolute http(s) URLs only, normalised', () => {
    expect(normalizeAllowlistValue('url', 'HTTPS://Updates.Example.net:443/Feed')).toBe(
      'https://updates.example.net/Feed',
    );
    expect(() => normalizeAllowlistValue('url', 'ftp://example.com/x')).toThrow(/http/);
    expect(() => normalizeAllowlistValue('url', '/relative/path')).toThrow(/http/);
  });

  it('accepts MD5, SHA-1 and SHA-256 hex, lowercased', () => {
    expect(normalizeAllowlistValue('hash', 'ABCDEF0123456789ABCDEF0123456789')).toBe(
      'abcdef0123456789abcdef0123456789',
    );
    expect(normalizeAllowlistValue('hash', 'a'.repeat(40))).toBe('a'.repeat(40));
    expect(normalizeAllowlistValue('hash', 'b'.repeat(64))).toBe('b'.repeat(64));
    expect(() => normalizeAllowlistValue('hash', 'a'.repeat(39))).toThrow(/hex/);
    expect(() => normalizeAllowlistValue('hash', 'z'.repeat(32))).toThrow(/hex/);
  });

  it('guesses the indicator type of a bare value', () => {
    expect(inferIndicator('192.0.2.1')).toEqual({ type: 'ipv4', value: '192.0.2.1' });
    expect(inferIndicator('2001:db8::1')).toEqual({ type: 'ipv6', value: '2001:db8::1' });
    expect(inferIndicator('https://x.example/a')).toMatchObject({ type: 'url' });
    expect(inferIndicator('a'.repeat(64))).toMatchObject({ type: 'sha256' });
    expect(inferIndicator('Host.Example.com')).toMatchObject({ type: 'domain' });
    expect(inferIndicator('user@example.com')).toMatchObject({ type: 'email' });
    expect(inferIndicator('not a host!')).toBeNull();
  });
});
