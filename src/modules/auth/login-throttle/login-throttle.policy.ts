import ipaddr from 'ipaddr.js';

/** First lockout once the limit is reached; each further failure doubles it, up to the cap. */
export const LOCKOUT_BASE_SECONDS = 60;
export const LOCKOUT_CAP_SECONDS = 3600;

/** The counters one login attempt is charged to. */
export interface ThrottleKeys {
  account: string;
  address: string;
}

export function throttleKeys(email: string, ip: string | undefined): ThrottleKeys {
  return { account: `acct:${email.trim().toLowerCase()}`, address: `ip:${addressBucket(ip)}` };
}

/**
 * An IPv6 client controls at least a /64, so per-address counting of IPv6 is per /64;
 * an IPv4-mapped address counts as the IPv4 address.
 */
export function addressBucket(ip: string | undefined): string {
  if (!ip || !ipaddr.isValid(ip)) return 'unknown';
  const parsed = ipaddr.process(ip);
  if (parsed.kind() === 'ipv4') return parsed.toString();
  const prefix = ipaddr.IPv6.networkAddressFromCIDR(`${parsed.toString()}/64`);
  return `${prefix.toString()}/64`;
}

/** Seconds a key stays locked after its `failures`-th consecutive failure (0: not locked). */
export function lockoutSeconds(failures: number, limit: number): number {
  if (failures < limit) return 0;
  const doublings = Math.min(failures - limit, 16);
  return Math.min(LOCKOUT_CAP_SECONDS, LOCKOUT_BASE_SECONDS * 2 ** doublings);
}

/** Whole seconds until `lockedUntil` (at least 1 while locked), or 0 when not locked. */
export function secondsUntil(lockedUntil: Date | null, nowMs: number): number {
  if (!lockedUntil || lockedUntil.getTime() <= nowMs) return 0;
  return Math.max(1, Math.ceil((lockedUntil.getTime() - nowMs) / 1000));
}
