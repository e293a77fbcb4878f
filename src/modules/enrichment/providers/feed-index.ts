import ipaddr from 'ipaddr.js';
import type { Indicator } from '../../../common/indicators/indicator';

const HASH = /^(?:[a-f0-9]{32}|[a-f0-9]{40}|[a-f0-9]{64})$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
// The last label needs a letter, so a malformed address such as 10.0.0.256 is not a domain.
const HOSTNAME =
  /^(?=.{1,253}$)(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?\.)+(?=[a-z0-9-]*[a-z])[a-z0-9-]{2,63}$/;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** One block list, indexed by kind so a lookup costs a few set probes. */
export class FeedIndex {
  private readonly ips = new Set<string>();
  /** `${kind}/${prefix}` -> network addresses of that length. */
  private readonly networks = new Map<string, Set<string>>();
  private readonly domains = new Set<string>();
  private readonly urls = new Set<string>();
  private readonly hashes = new Set<string>();
  private readonly emails = new Set<string>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Adds one value; false when it is no indicator (the caller counts it as skipped). */
  add(raw: string): boolean {
    const value = raw.trim();
    const lower = value.toLowerCase();
    const target = this.classify(value, lower);
    if (!target) return false;
    const [set, key] = target;
    if (!set.has(key)) {
      set.add(key);
      this.count++;
    }
    return true;
  }

  /** The listed entry the indicator falls under, or undefined. */
  match(indicator: Indicator): string | undefined {
    const value = indicator.value.trim().toLowerCase();
    switch (indicator.type) {
      case 'ipv4':
      case 'ipv6':
        return this.matchIp(value);
      case 'domain':
        return this.matchDomain(value);
      case 'url':
        return this.matchUrl(value);
      case 'email':
        return this.emails.has(value) ? value : this.matchDomain(value.split('@')[1] ?? '');
      default:
        return this.hashes.has(value) ? value : undefined;
    }
  }

  private classify(value: string, lower: string): [Set<string>, string] | undefined {
    const address = parseAddress(value);
    if (address) return [this.ips, address.toNormalizedString()];
    const network = parseNetwork(value);
    if (network) {
      const [base, prefix] = network;
      const key = `${base.kind()}/${prefix}`;
      const set = this.networks.get(key) ?? new Set<string>();
      this.networks.set(key, set);
      return [set, networkOf(base, prefix)];
    }
    if (HASH.test(lower)) return [this.hashes, lower];
    if (/^(?:https?|ftp):\/\//.test(lower)) return [this.urls, normalizeUrl(value)];
    if (EMAIL.test(lower)) return [this.emails, lower];
    const host = lower.replace(/^\*\./, '').replace(/\.$/, '');
    return HOSTNAME.test(host) ? [this.domains, host] : undefined;
  }

  private matchIp(value: string): string | undefined {
    const address = parseAddress(value);
    if (!address) return undefined;
    if (this.ips.has(address.toNormalizedString())) return value;
    for (const [key, set] of this.networks) {
      const [kind, prefix] = key.split('/');
      if (kind !== address.kind()) continue;
      const network = networkOf(address, Number(prefix));
      if (set.has(network))
        return `${address.kind() === 'ipv4' ? network : ipaddr.parse(network).toString()}/${prefix}`;
    }
    return undefined;
  }

  /** The domain itself or any parent listed (a listed domain covers its subdomains). */
  private matchDomain(value: string): string | undefined {
    const labels = value.replace(/\.$/, '').split('.');
    for (let start = 0; start < labels.length - 1; start++) {
      const candidate = labels.slice(start).join('.');
      if (this.domains.has(candidate)) return candidate;
    }
    return undefined;
  }

  private matchUrl(value: string): string | undefined {
    const normalized = normalizeUrl(value);
    if (this.urls.has(normalized)) return normalized;
    let host: string;
    try {
      host = new URL(normalized).hostname.replace(/^\[|\]$/g, '');
    } catch {
      return undefined;
    }
    return parseAddress(host) ? this.matchIp(host) : this.matchDomain(host);
  }
}

/** Strict: "1" or "010.1" are not addresses in a block list. IPv4-mapped IPv6 counts as IPv4. */
function parseAddress(value: string): Address | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value);
  if (value.includes(':') && ipaddr.IPv6.isValid(value)) return ipaddr.process(value);
  return undefined;
}

function parseNetwork(value: string): [Address, number] | undefined {
  if (!value.includes('/')) return undefined;
  if (ipaddr.IPv4.isValidCIDRFourPartDecimal(value)) return ipaddr.IPv4.parseCIDR(value);
  if (value.includes(':') && ipaddr.IPv6.isValidCIDR(value)) return ipaddr.IPv6.parseCIDR(value);
  return undefined;
}

function networkOf(address: Address, prefix: number): string {
  const cidr = `${address.toString()}/${prefix}`;
  return address.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(cidr).toNormalizedString()
    : ipaddr.IPv6.networkAddressFromCIDR(cidr).toNormalizedString();
}

function normalizeUrl(value: string): string {
  try {
    return new URL(value).href;
  } catch {
    return value.toLowerCase();
  }
}
