import { FREE_TEXT_POLICY, type FieldPolicy } from './field-policy';
import { scanText } from './text-scanner';

const scan = (text: string, policy: Partial<FieldPolicy> = {}, selfHostnames: string[] = []) =>
  scanText(text, { ...FREE_TEXT_POLICY, hashes: 'text', ...policy }, { selfHostnames }).map(
    ({ type, value }) => `${type} ${value}`,
  );

describe(scanText.name, () => {
  it('finds every indicator type in free text, in order of appearance', () => {
    const text =
      'Host 198.51.100.7 (2001:db8::7) fetched hxxp://dl.evil-site[.]example.com/a.exe for ' +
      'victim@example.org, md5 0123456789abcdef0123456789abcdef, ' +
      'sha1 0123456789abcdef0123456789abcdef01234567, ' +
      'sha256 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef; c2 beacon.example.net';
    expect(scan(text)).toEqual([
      'ipv4 198.51.100.7',
      'ipv6 2001:db8::7',
      'url http://dl.evil-site.example.com/a.exe',
      'domain dl.evil-site.example.com',
      'email victim@example.org',
      'md5 0123456789abcdef0123456789abcdef',
      'sha1 0123456789abcdef0123456789abcdef01234567',
      'sha256 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
      'domain beacon.example.net',
    ]);
  });

  it('takes an email embedded in an ARN-like principal, without its domain', () => {
    expect(scan('AROAEXAMPLEROLE12345:jane.roe@example.org')).toEqual([
      'email jane.roe@example.org',
    ]);
  });

  it('ignores loopback, unspecified, invalid and version-like numbers', () => {
    expect(scan('127.0.0.1 0.0.0.0 :: 000.111.222.10 1.2.3.4.5 v1.2.3.4 10:20:30')).toEqual([]);
  });

  it('ignores file names, field paths, MACs and C++-style scopes', () => {
    const text =
      'rundll32.exe setup.py archive.zip agent.name rule.level data.srcip AWS::EC2::SecurityGroup 52:54:00:36:3e:ff';
    expect(scan(text)).toEqual([]);
  });

  it('accepts an ambiguous suffix where the field names a domain', () => {
    expect(scan('installer.zip', { domainField: true })).toEqual(['domain installer.zip']);
  });

  it('leaves out the affected host and its FQDN', () => {
    expect(scan('web-01.corp.example.com talked to x.example.net', {}, ['web-01'])).toEqual([
      'domain x.example.net',
    ]);
  });

  it('does not take hex ids, JA3-like labels or all-zero values as hashes', () => {
    const text =
      'id: 0123456789abcdef0123456789abcdef ja3=0123456789abcdef0123456789abcdef zeros ' +
      '00000000000000000000000000000000 digits 12345678901234567890123456789012';
    expect(scan(text)).toEqual([]);
  });

  it('takes a bare hex value as a hash only in a hash field or after a hash label', () => {
    const hex = 'abcdef0123456789abcdef0123456789';
    expect(scan(hex, { hashes: 'text' })).toEqual([]);
    expect(scan(hex, { hashes: 'field' })).toEqual([`md5 ${hex}`]);
    expect(scan(`MD5=${hex}`, { hashes: 'text' })).toEqual([`md5 ${hex}`]);
    expect(scan(`IMPHASH=${hex}`, { hashes: 'field' })).toEqual([]);
  });

  it('scans nothing in a skipped field', () => {
    expect(scan('http://198.51.100.1/', { skip: true })).toEqual([]);
  });

  it('stops at a bounded length without cutting a token into a false indicator', () => {
    const hidden = `${'a '.repeat(40_000)} 198.51.100.99`;
    expect(scan(hidden)).toEqual([]);
    expect(new Set(scan('evil.com '.repeat(10_000)))).toEqual(new Set(['domain evil.com']));
  });
});
