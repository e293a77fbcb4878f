import ipaddr from 'ipaddr.js';
import { parseIp } from '../../../common/indicators/ip-address';
import { ResponderError } from './responder.errors';

/** The address or range a firewall blocks, in the forms vendors want. */
export interface FirewallTarget {
  /** The address (a range's network address), compressed for IPv6. */
  address: string;
  prefix: number;
  version: 4 | 6;
  /** `10.0.0.0/24`, `10.0.0.1/32`. */
  cidr: string;
  /** The object Mini-SOAR names after it: `minisoar-10.0.0.1`, `minisoar-10.0.0.0_24`. */
  objectName: string;
}

/** Parses the action's (already validated) IP or CIDR target. */
export function firewallTarget(target: string): FirewallTarget {
  const [text, prefixText] = target.trim().split('/');
  const ip = parseIp(text);
  const width = ip?.type === 'ipv6' ? 128 : 32;
  const prefix = prefixText === undefined ? width : Number(prefixText);
  if (!ip || !/^\d{1,3}$/.test(prefixText ?? String(width)) || prefix > width) {
    throw new ResponderError('firewall', `"${target}" is not an IP address or CIDR range`, false);
  }
  const host = prefix === width;
  const range = `${ip.address.toString()}/${prefix}`;
  const network = host
    ? ip.address
    : ip.type === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(range)
      : ipaddr.IPv6.networkAddressFromCIDR(range);
  const address = network.toString();
  // PAN-OS names allow letters, digits, '.', '-', '_' and spaces: ':' and '/' become '_'.
  const objectName = `minisoar-${host ? address : `${address}/${prefix}`}`.replace(/[:/]/g, '_');
  return {
    address,
    prefix,
    version: width === 32 ? 4 : 6,
    cidr: `${address}/${prefix}`,
    objectName,
  };
}

/** `255.255.255.0` for a /24 (FortiOS writes IPv4 subnets as "address mask"). */
export function ipv4Netmask(prefix: number): string {
  return ipaddr.IPv4.subnetMaskFromPrefixLength(prefix).toString();
}
