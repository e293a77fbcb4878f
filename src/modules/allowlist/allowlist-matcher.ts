import type { Indicator } from '../../common/indicators/indicator';
import { cleanDomain, isWithinDomains } from '../../common/indicators/domain-name';
import { isInCidrs, parseCidrs, parseIp, type Cidr } from '../../common/indicators/ip-address';

export type AllowlistEntryType = 'ip' | 'cidr' | 'domain' | 'url' | 'hash';

export interface AllowlistEntry {
  type: AllowlistEntryType;
  value: string;
}

const HASH_TYPES = new Set(['md5', 'sha1', 'sha256']);

/**
 * Answers whether an observable is allow-listed: IPs exactly (in any notation), addresses inside
 * a CIDR, domains and their subdomains, URLs after normalization, hashes without case.
 * Entries that cannot be parsed never match.
 */
export class AllowlistMatcher {
  private readonly ips = new Set<string>();
  private readonly cidrs: Cidr[];
  private readonly domains: string[];
  private readonly urls = new Set<string>();
  private readonly hashes = new Set<string>();

  constructor(entries: readonly AllowlistEntry[]) {
    const valuesOf = (type: AllowlistEntryType) =>
      entries.filter((entry) => entry.type === type).map((entry) => entry.value.trim());
    for (const ip of valuesOf('ip')) {
      const parsed = parseIp(ip);
      if (parsed) this.ips.add(parsed.address.toNormalizedString());
    }
    this.cidrs = parseCidrs(valuesOf('cidr'));
    this.domains = valuesOf('domain')
      .map(cleanDomain)
      .filter((domain) => domain !== '');
    valuesOf('url').forEach((url) => this.urls.add(normalizeUrl(url)));
    valuesOf('hash').forEach((hash) => this.hashes.add(hash.toLowerCase()));
  }

  /** Whether a range holds an allow-listed address or overlaps an allow-listed range. */
  overlaps([network, bits]: Cidr): boolean {
    const sameFamily = (address: { kind(): string }) => address.kind() === network.kind();
    for (const ip of this.ips) {
      const address = parseIp(ip)?.address;
      if (address && sameFamily(address) && address.match(network, bits)) return true;
    }
    // CIDR ranges are nested or disjoint: they overlap when one holds the other's network address.
    return this.cidrs.some(
      ([other, otherBits]) =>
        sameFamily(other) && (network.match(other, otherBits) || other.match(network, bits)),
    );
  }

  matches(observable: Indicator): boolean {
    const { type, value } = observable;
    if (type === 'ipv4' || type === 'ipv6') {
      const address = parseIp(value)?.address;
      return (
        address !== undefined &&
        (this.ips.has(address.toNormalizedString()) || isInCidrs(address, this.cidrs))
      );
    }
    if (type === 'domain') return isWithinDomains(cleanDomain(value), this.domains);
    if (type === 'url') return this.urls.has(normalizeUrl(value));
    if (HASH_TYPES.has(type)) return this.hashes.has(value.trim().toLowerCase());
    return false;
  }
}

/** WHATWG normalization: lowercase scheme and host, default port and empty path made uniform. */
function normalizeUrl(url: string): string {
  try {
    return new URL(url.trim()).href;
  } catch {
    return url.trim().toLowerCase();
  }
}
