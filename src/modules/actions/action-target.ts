import ipaddr from 'ipaddr.js';
import { parseIp } from '../../common/indicators/ip-address';
import { ActionType } from '../../generated/prisma/enums';
import { ActionTargetInvalidError } from './actions.errors';

export interface TargetLimits {
  /** The widest range BLOCK_IP/UNBLOCK_IP accept, per family (a smaller prefix is refused). */
  maxPrefixV4: number;
  maxPrefixV6: number;
}

export type TargetKind =
  'ip' | 'cidr' | 'username' | 'hostname' | 'email' | 'channel' | 'project' | 'label';

export interface ValidTarget {
  /** The canonical form stored and hashed (compressed IPv6, network address of a range...). */
  value: string;
  kind: TargetKind;
}

// AD: at most 20 characters, none of " / \ [ ] : ; | = , + * ? < > @, and not only dots/spaces.
const SAM_ACCOUNT_NAME = /^(?!\.+$)[^"/\\[\]:;|=,+*?<>@\s]{1,20}$/;
const UPN =
  /^[A-Za-z0-9._%+'!#$&-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*$/;
const EMAIL =
  /^[A-Za-z0-9._%+'!#$&*/=?^`{|}~-]{1,64}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$/;
// Channel names: lowercase letters, digits, - and _ (at most 80); ids: C... (public) or G... (private).
const SLACK_CHANNEL = /^(?:#[a-z0-9][a-z0-9._-]{0,79}|[CG][A-Z0-9]{8,20})$/;
const JIRA_PROJECT = /^[A-Z][A-Z0-9_]{1,9}$/;
const LABEL = /^[^\p{Cc}]{1,100}$/u;
/** Ranges a block must never cover, whatever its prefix: the host itself and "everything". */
const UNBLOCKABLE_RANGES = new Set(['unspecified', 'loopback']);

/**
 * Checks a target against what its action type acts on and returns its canonical form.
 * Throws ActionTargetInvalidError (400) saying what was expected.
 */
export function validateTarget(type: ActionType, raw: string, limits: TargetLimits): ValidTarget {
  const text = raw.trim();
  switch (type) {
    case ActionType.BLOCK_IP:
    case ActionType.UNBLOCK_IP:
      return ipOrRange(text, limits);
    case ActionType.DISABLE_USER:
      if (UPN.test(text)) return { value: text.toLowerCase(), kind: 'username' };
      return expect(
        SAM_ACCOUNT_NAME,
        text,
        'username',
        'a sAMAccountName (at most 20 characters, no "/\\[]:;|=,+*?<>@) or a UPN (user@example.com)',
      );
    case ActionType.ISOLATE_HOST:
      return expect(
        HOSTNAME,
        text.toLowerCase().replace(/\.$/, ''),
        'hostname',
        'a host name (letters, digits, - and _, dot-separated)',
      );
    case ActionType.NOTIFY_EMAIL:
      return expect(EMAIL, text.length <= 254 ? text : '', 'email', 'an email address');
    case ActionType.NOTIFY_SLACK:
      return expect(
        SLACK_CHANNEL,
        text,
        'channel',
        'a Slack channel: #name or a channel id (C... or G...)',
      );
    case ActionType.CREATE_TICKET:
      return expect(
        JIRA_PROJECT,
        text,
        'project',
        'a Jira project key (2-10 capital letters, digits or _, starting with a letter)',
      );
    case ActionType.NOTIFY_TEAMS:
      return expect(
        LABEL,
        text,
        'label',
        'a short label (1-100 characters, no control characters)',
      );
  }
}

function expect(pattern: RegExp, value: string, kind: TargetKind, what: string): ValidTarget {
  if (!pattern.test(value)) throw new ActionTargetInvalidError(`target must be ${what}`);
  return { value, kind };
}

function ipOrRange(text: string, limits: TargetLimits): ValidTarget {
  const slash = text.indexOf('/');
  const address = parseIp(slash < 0 ? text : text.slice(0, slash));
  const bits = slash < 0 ? null : text.slice(slash + 1);
  if (!address || (bits !== null && !/^\d{1,3}$/.test(bits)))
    throw new ActionTargetInvalidError(
      'target must be an IP address or a CIDR range (203.0.113.0/24)',
    );
  const full = address.type === 'ipv4' ? 32 : 128;
  const prefix = bits === null ? full : Number(bits);
  if (prefix > full)
    throw new ActionTargetInvalidError(
      `target prefix /${prefix} is longer than an ${address.type} address`,
    );
  if (prefix === 0)
    throw new ActionTargetInvalidError('target must not be the whole address space (/0)');
  const widest = address.type === 'ipv4' ? limits.maxPrefixV4 : limits.maxPrefixV6;
  if (prefix < widest)
    throw new ActionTargetInvalidError(
      `target range /${prefix} is too wide: ${address.type} blocks may be at most /${widest}`,
    );
  const network = prefix === full ? address.address : networkOf(address.address, prefix);
  if (UNBLOCKABLE_RANGES.has(network.range()))
    throw new ActionTargetInvalidError(
      `target ${text} is ${network.range()}: it cannot be blocked`,
    );
  return prefix === full
    ? { value: network.toString(), kind: 'ip' }
    : { value: `${network.toString()}/${prefix}`, kind: 'cidr' };
}

function networkOf(address: ipaddr.IPv4 | ipaddr.IPv6, prefix: number): ipaddr.IPv4 | ipaddr.IPv6 {
  const cidr = `${address.toString()}/${prefix}`;
  return address.kind() === 'ipv4'
    ? ipaddr.IPv4.networkAddressFromCIDR(cidr)
    : ipaddr.IPv6.networkAddressFromCIDR(cidr);
}
