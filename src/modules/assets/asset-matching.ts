import type { Asset } from '../../generated/prisma/client';
import { AssetCriticality } from '../../generated/prisma/enums';
import { parseIp } from '../../common/indicators/ip-address';

/** Lowercase host names (letters, digits, `-`, `_`), dot-separated, as DNS and NetBIOS allow. */
export const HOSTNAME_SYNTAX =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/;

const RANK: Record<AssetCriticality, number> = {
  [AssetCriticality.LOW]: 0,
  [AssetCriticality.MEDIUM]: 1,
  [AssetCriticality.HIGH]: 2,
  [AssetCriticality.CRITICAL]: 3,
};
const MAX_IPS = 50;

export interface AssetKeys {
  hostname?: string | null;
  ips: readonly string[];
}

/** What an alert's host and addresses are looked up by, cleaned of anything unusable. */
export interface AssetLookup {
  hostname: string | null;
  /** First label: `ws-042` for `ws-042.corp.example.com`. */
  shortName: string | null;
  ips: string[];
}

export function normalizeHostname(value: string): string {
  return value.trim().toLowerCase().replace(/\.$/, '');
}

/** The canonical text of an IP literal (IPv6 compressed, IPv4-mapped as IPv4), or null. */
export function canonicalIp(value: string): string | null {
  return parseIp(value)?.address.toString() ?? null;
}

export function toAssetLookup(keys: AssetKeys): AssetLookup | null {
  const candidate = keys.hostname ? normalizeHostname(keys.hostname) : '';
  const hostname = HOSTNAME_SYNTAX.test(candidate) ? candidate : null;
  const ips = [...new Set(keys.ips.map(canonicalIp).filter((ip) => ip !== null))]
    .sort()
    .slice(0, MAX_IPS);
  if (!hostname && ips.length === 0) return null;
  return { hostname, shortName: hostname?.split('.')[0] ?? null, ips };
}

/**
 * Whether an asset is the alert's host: same name, the alert's FQDN whose first label is
 * the asset's short name, the alert's short name whose FQDN the asset is, or a shared IP.
 */
export function assetMatches(asset: Pick<Asset, 'hostname' | 'ip'>, lookup: AssetLookup): boolean {
  const { hostname, shortName, ips } = lookup;
  if (asset.ip && ips.includes(asset.ip)) return true;
  if (!hostname) return false;
  if (asset.hostname === hostname || asset.hostname === shortName) return true;
  return !hostname.includes('.') && asset.hostname.startsWith(`${hostname}.`);
}

/** The most critical of the matching assets (ties: alphabetical), or null. */
export function mostCritical<A extends Pick<Asset, 'hostname' | 'ip' | 'criticality'>>(
  candidates: readonly A[],
  lookup: AssetLookup,
): A | null {
  const matching = candidates.filter((asset) => assetMatches(asset, lookup));
  matching.sort(
    (a, b) => RANK[b.criticality] - RANK[a.criticality] || a.hostname.localeCompare(b.hostname),
  );
  return matching[0] ?? null;
}
