import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { isInCidrs } from '../../indicators/ip-address';
import { OutboundBlockedError } from './outbound.errors';
import { outboundPolicy, type OutboundPolicy } from './outbound-policy';

/** Instance metadata endpoints (AWS, AWS IPv6, Alibaba): refused even inside allowed ranges. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200']);
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog']);

const RANGE_REASONS: Record<string, string> = {
  private: 'a private address',
  uniqueLocal: 'a private address',
  carrierGradeNat: 'a shared (CGNAT) address',
  loopback: 'a loopback address',
  linkLocal: 'a link-local address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  broadcast: 'a broadcast address',
};

/**
 * Why connecting to `address` is refused, or undefined when it is allowed. Only plain global
 * unicast passes; every special range (private, loopback, link-local, CGNAT, multicast,
 * reserved, NAT64/6to4/Teredo that can tunnel to internal IPv4...) is refused unless it lies
 * in the policy's allow list. IPv4-mapped IPv6 is judged as the IPv4 it maps to.
 */
export function addressRefusal(address: string, policy = outboundPolicy()): string | undefined {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let parsed = ipaddr.parse(address);
  if (parsed instanceof ipaddr.IPv6 && parsed.isIPv4MappedAddress()) {
    parsed = parsed.toIPv4Address();
  }
  if (METADATA_ADDRESSES.has(parsed.toString())) return 'a cloud metadata address';
  const range = parsed.range();
  if (range === 'unicast' || isInCidrs(parsed, policy.allowCidrs)) return undefined;
  return `${RANGE_REASONS[range] ?? `a reserved address (${range})`}, not in OUTBOUND_ALLOW_CIDRS`;
}

/** Refusals that need no DNS: metadata host names and literal addresses. */
function hostRefusal(host: string, policy: OutboundPolicy): OutboundBlockedError | undefined {
  const name = host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
  if (METADATA_NAMES.has(name)) return new OutboundBlockedError(host, 'a cloud metadata host');
  if (isIP(name) === 0) return undefined;
  const reason = addressRefusal(name, policy);
  return reason ? new OutboundBlockedError(host, reason, name) : undefined;
}

function firstRefused(
  host: string,
  addresses: readonly LookupAddress[],
  policy: OutboundPolicy,
): OutboundBlockedError | undefined {
  for (const { address } of addresses) {
    const reason = addressRefusal(address, policy);
    if (reason) return new OutboundBlockedError(host, reason, address);
  }
  return undefined;
}

/**
 * A `lookup` for net/tls/http agents: resolves every address and fails when ANY is refused,
 * so the address checked is the one connected to (no DNS-rebinding window between a check
 * and the connect). Literal IPs never reach a lookup; the guarded agents check those.
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  const policy = outboundPolicy();
  const refused = hostRefusal(hostname, policy);
  if (refused) {
    callback(refused, '', 0);
    return;
  }
  const all: LookupAllOptions = { ...options, all: true };
  dnsLookup(hostname, all, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const blocked = firstRefused(hostname, addresses, policy);
    if (blocked) return callback(blocked, '', 0);
    if (options.all) return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

/** Throws OutboundBlockedError when a literal host (IP, metadata name) is refused. */
export function assertLiteralHostAllowed(host: string): void {
  const refused = hostRefusal(host, outboundPolicy());
  if (refused) throw refused;
}

/**
 * For clients that are not HTTP (SMTP, LDAP): resolves `host` and throws OutboundBlockedError
 * when any address is refused; returns the addresses checked. Connecting afterwards resolves
 * again, so where a library takes a `lookup` option pass `guardedLookup` as well.
 */
export async function assertHostAllowed(host: string, port?: number): Promise<LookupAddress[]> {
  const label = port === undefined ? host : `${host}:${port}`;
  const policy = outboundPolicy();
  const refused = hostRefusal(host, policy);
  if (refused) throw refused;
  const bare = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) !== 0) return [{ address: bare, family: isIP(bare) }];
  const addresses = await new Promise<LookupAddress[]>((resolve, reject) =>
    dnsLookup(bare, { all: true }, (error, found) => (error ? reject(error) : resolve(found))),
  );
  const blocked = firstRefused(label, addresses, policy);
  if (blocked) throw blocked;
  return addresses;
}
