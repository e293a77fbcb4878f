import { domainToASCII } from 'node:url';
import ipaddr from 'ipaddr.js';
import { parse as parseHostname } from 'tldts';
import type { Indicator } from '../../common/indicators/indicator';
import type { AllowlistEntryType } from './allowlist-matcher';
import { parseIp } from '../../common/indicators/ip-address';
import { AllowlistValueError } from './allowlist.errors';

export const ALLOWLIST_TYPES: readonly AllowlistEntryType[] = [
  'ip',
  'cidr',
  'domain',
  'url',
  'hash',
];

/** A value that is not what its type says; the message is meant for the API client. */
/** Broader ranges would silently exempt a large part of the internet from enrichment. */
const MIN_PREFIX = { ipv4: 8, ipv6: 16 } as const;
const HOSTNAME_SYNTAX =
  /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const HASH = /^(?:[0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64})$/i;
const HASH_TYPES = { 32: 'md5', 40: 'sha1', 64: 'sha256' } as const;

/** Checks a value against its type and returns the canonical form stored (and compared). */
export function normalizeAllowlistValue(type: AllowlistEntryType, raw: string): string {
  const value = raw.trim();
  switch (type) {
    case 'ip': {
      const parsed = parseIp(value);
      if (!parsed) throw new AllowlistValueError('value must be an IPv4 or IPv6 address');
      return parsed.address.toString();
    }
    case 'cidr':
      return normalizeCidr(value);
    case 'domain':
      return normalizeDomain(value);
    case 'url':
      return normalizeUrl(value);
    case 'hash':
      if (!HASH.test(value)) {
        throw new AllowlistValueError(
          'value must be an MD5, SHA-1 or SHA-256 hash (32, 40 or 64 hex characters)',
        );
      }
      return value.toLowerCase();
  }
}

/** Guesses what a bare value (an action target, say) is, for an allow-list check. */
export function inferIndicator(raw: string): Indicator | null {
  const value = raw.trim();
  const ip = parseIp(value);
  if (ip) return { type: ip.type, value: ip.literal };
  if (/^https?:\/\//i.test(value)) return { type: 'url', value };
  if (HASH.test(value)) return { type: HASH_TYPES[value.length as 32 | 40 | 64], value };
  if (value.includes('@')) return { type: 'email', value };
  return HOSTNAME_SYNTAX.test(value.toLowerCase()) ? { type: 'domain', value } : null;
}

function normalizeCidr(value: string): string {
  const [address, bits] = value.split('/');
  const parsed = parseIp(address ?? '');
  if (!parsed || bits === undefined || !/^\d{1,3}$/.test(bits) || !ipaddr.isValidCIDR(value)) {
    throw new AllowlistValueError(
      'value must be a CIDR range such as 192.0.2.0/24 or 2001:db8::/32',
    );
  }
  const prefix = Number(bits);
  if (prefix < MIN_PREFIX[parsed.type]) {
    throw new AllowlistValueError(
      `value is too broad: an ${parsed.type} range needs a prefix of at least /${MIN_PREFIX[parsed.type]}`,
    );
  }
  const network =
    parsed.type === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(value)
      : ipaddr.IPv6.networkAddressFromCIDR(value);
  return `${network.toString()}/${prefix}`;
}

function normalizeDomain(value: string): string {
  const domain = value.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  const ascii = domainToASCII(domain);
  if (!ascii || !HOSTNAME_SYNTAX.test(ascii) || !ascii.includes('.')) {
    throw new AllowlistValueError('value must be a domain name such as example.com');
  }
  const parsed = parseHostname(ascii, { allowPrivateDomains: false });
  if (parsed.isIp) throw new AllowlistValueError('value is an IP address: use type ip');
  if (parsed.domain === null) {
    throw new AllowlistValueError(
      'value must be a registrable domain or a name below one, not a public suffix such as co.uk',
    );
  }
  return domain;
}

function normalizeUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new AllowlistValueError('value must be an absolute http(s) URL');
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    throw new AllowlistValueError('value must be an absolute http(s) URL');
  }
  return url.href;
}
