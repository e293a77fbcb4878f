import ipaddr from 'ipaddr.js';

export interface ParsedIp {
  type: 'ipv4' | 'ipv6';
  /** The address as written (brackets and zone removed; IPv4-mapped IPv6 given as IPv4). */
  literal: string;
  address: ipaddr.IPv4 | ipaddr.IPv6;
}

const INTERNAL_RANGES = new Set([
  'private',
  'loopback',
  'linkLocal',
  'carrierGradeNat',
  'uniqueLocal',
]);
const NOT_AN_ENDPOINT_RANGES = new Set(['unspecified', 'loopback']);

/** Parses a strict IP literal: four-part decimal IPv4 (no leading zeros) or IPv6. */
export function parseIp(text: string): ParsedIp | null {
  const literal = text.trim().replace(/^\[(.*)\]$/, '$1');
  if (ipaddr.IPv4.isValidFourPartDecimal(literal)) {
    return { type: 'ipv4', literal, address: ipaddr.IPv4.parse(literal) };
  }
  const withoutZone = literal.replace(/%[0-9A-Za-z_.-]+$/, '');
  if (!withoutZone.includes(':') || !ipaddr.IPv6.isValid(withoutZone)) return null;
  const address = ipaddr.IPv6.parse(withoutZone);
  if (address.isIPv4MappedAddress()) {
    const ipv4 = address.toIPv4Address();
    return { type: 'ipv4', literal: ipv4.toString(), address: ipv4 };
  }
  return { type: 'ipv6', literal: withoutZone, address };
}

/** A party's address: valid, and neither unspecified (0.0.0.0, ::) nor loopback. */
export function parseReportableIp(text: string): ParsedIp | null {
  const parsed = parseIp(text);
  return parsed && !NOT_AN_ENDPOINT_RANGES.has(parsed.address.range()) ? parsed : null;
}

/** `203.0.113.5:443` or `[2001:db8::5]:443`, as Office 365 writes `ClientIP`. */
const ADDRESS_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:.]+(?:%[\w.-]+)?\]):\d{1,5}$/;

/**
 * A source/destination address as written, without a port appended to it; null for invalid and
 * placeholder values.
 */
export function endpointIp(value: unknown): string | null {
  // One address in a list (ECS `source.ip: ["..."]`) is still a single endpoint; several are not.
  if (Array.isArray(value)) return value.length === 1 ? endpointIp(value[0]) : null;
  if (typeof value !== 'string') return null;
  const address = value.trim().replace(ADDRESS_WITH_PORT, '$1');
  const parsed = parseIp(address);
  if (!parsed || parsed.address.range() === 'unspecified') return null;
  return address.replace(/^\[(.*)\]$/, '$1');
}

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** Parses CIDRs (a bare address is a /32 or /128); invalid entries are left out. */
export function parseCidrs(cidrs: readonly string[]): Cidr[] {
  const parsed: Cidr[] = [];
  for (const cidr of cidrs) {
    const text = cidr.trim();
    if (ipaddr.isValidCIDR(text)) {
      parsed.push(ipaddr.parseCIDR(text));
      continue;
    }
    const address = parseIp(text)?.address;
    if (address) parsed.push([address, address.kind() === 'ipv4' ? 32 : 128]);
  }
  return parsed;
}

export function isInCidrs(address: ipaddr.IPv4 | ipaddr.IPv6, cidrs: readonly Cidr[]): boolean {
  return cidrs.some(([network, bits]) => {
    if (network.kind() !== address.kind()) return false;
    return address.match(network, bits);
  });
}

/** RFC 1918, loopback, link-local, CGNAT and unique-local addresses, or any configured range. */
export function isInternalIp(address: ipaddr.IPv4 | ipaddr.IPv6, cidrs: readonly Cidr[]): boolean {
  return INTERNAL_RANGES.has(address.range()) || isInCidrs(address, cidrs);
}
