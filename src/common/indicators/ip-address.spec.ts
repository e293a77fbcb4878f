import { endpointIp, isInternalIp, parseCidrs, parseIp, parseReportableIp } from './ip-address';

describe('ip-address', () => {
  it('parses strict four-part IPv4 and IPv6 literals', () => {
    expect(parseIp('192.0.2.1')?.type).toBe('ipv4');
    expect(parseIp('[2001:db8::1]')).toMatchObject({ type: 'ipv6', literal: '2001:db8::1' });
    expect(parseIp('fe80::1%eth0')).toMatchObject({ type: 'ipv6', literal: 'fe80::1' });
    expect(parseIp('::ffff:198.51.100.7')).toMatchObject({ type: 'ipv4', literal: '198.51.100.7' });
  });

  it.each([
    '000.111.222.10',
    '256.1.1.1',
    '1.2.3',
    '010.0.0.1',
    '0x7f.0.0.1',
    '52:54:00:36:3e:ff',
    'host',
  ])('rejects the invalid literal %s', (literal) => {
    expect(parseIp(literal)).toBeNull();
  });

  it('does not report loopback or unspecified addresses as parties', () => {
    expect(parseReportableIp('127.0.0.1')).toBeNull();
    expect(parseReportableIp('::1')).toBeNull();
    expect(parseReportableIp('0.0.0.0')).toBeNull();
    expect(parseReportableIp('::')).toBeNull();
    expect(parseReportableIp('10.0.0.1')?.literal).toBe('10.0.0.1');
  });

  it('gives placeholder and invalid endpoints as null', () => {
    expect(endpointIp('0.0.0.0')).toBeNull();
    expect(endpointIp('000.111.222.10')).toBeNull();
    expect(endpointIp(42)).toBeNull();
    expect(endpointIp(' 198.51.100.1 ')).toBe('198.51.100.1');
    expect(endpointIp('::ffff:198.51.100.1')).toBe('::ffff:198.51.100.1');
    expect(endpointIp('[2001:db8::1]')).toBe('2001:db8::1');
    expect(endpointIp(['198.51.100.1'])).toBe('198.51.100.1');
    expect(endpointIp('198.51.100.1:51234')).toBe('198.51.100.1');
    expect(endpointIp('[2001:db8::1]:443')).toBe('2001:db8::1');
    expect(endpointIp('0.0.0.0:0')).toBeNull();
    expect(endpointIp('198.51.100.1:99999999')).toBeNull();
    expect(endpointIp(['198.51.100.1', '198.51.100.2'])).toBeNull();
  });

  it.each([
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['192.168.1.1', true],
    ['100.64.0.1', true],
    ['169.254.1.1', true],
    ['127.0.0.1', true],
    ['fd00::1', true],
    ['fe80::1', true],
    ['203.0.113.5', true],
    ['198.51.100.5', false],
    ['2001:db8::1', false],
  ])('marks %s internal: %s (203.0.113.0/24 configured)', (literal, internal) => {
    const address = parseIp(literal)!.address;
    expect(isInternalIp(address, parseCidrs(['203.0.113.0/24', 'not a cidr']))).toBe(internal);
  });
});
