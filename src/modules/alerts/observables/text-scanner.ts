import type { IndicatorType } from '../../../common/indicators/indicator';
import {
  cleanDomain,
  hasAmbiguousSuffix,
  hasPublicSuffix,
  isServiceDomain,
} from '../../../common/indicators/domain-name';
import type { FieldPolicy } from './field-policy';
import { parseIp, parseReportableIp, type ParsedIp } from '../../../common/indicators/ip-address';
import { refang } from './refang';
import { findUrls } from './url-candidate';

export interface FoundIndicator {
  type: IndicatorType;
  value: string;
}

export interface ScanContext {
  /** Lowercased names of the affected host: neither they nor their FQDNs are domain IOCs. */
  selfHostnames: readonly string[];
}

interface Hit extends FoundIndicator {
  index: number;
}

/** Longest part of one string that is scanned; the rest of a hostile value is ignored. */
export const MAX_SCANNED_LENGTH = 65_536;

const EMAIL = /(?<![\w.%+-])[\w.%+-]{1,64}@(?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,63}(?![\w-])/g;
const IPV6_RUN = /(?<![\w:.])(?=([0-9A-Fa-f:.]{2,64}))\1(%[\w.-]{1,32})?(?![\w:.%])/g;
const IPV4 = /(?<![\w.])(?=(\d{1,3}(?:\.\d{1,3}){3}))\1(?!\w|\.\d)/g;
const DOMAIN =
  /(?<![\w@.-])(?:\*\.)?((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z][A-Za-z0-9-]{0,61}[A-Za-z0-9])\.?(?![\w-]|\.\w)/g;
const HEX_RUN = /(?<![0-9A-Za-z])(?=([0-9A-Fa-f]{32,}))\1(?![0-9A-Za-z])/g;
const HASH_TYPE_BY_LENGTH: Record<number, IndicatorType> = { 32: 'md5', 40: 'sha1', 64: 'sha256' };
const NON_FILE_HASH_LABEL =
  /(?:imphash|ja3s?|ja4s?|jarm|hassh|fingerprint|thumbprint|serial|uuid|guid|\bid|\bsid|token|session)\W{0,3}$/i;
/** `SHA256=`, `md5: `, `hash "`: a labelled value, unlike a path segment such as `by-hash/SHA256/`. */
const FILE_HASH_LABEL = /(?:md5|sha-?1|sha-?256|hash|checksum|digest)\w*\s*[:=]\s*["']?$/i;

/** Finds the IOCs in one string under one field's policy, in order of appearance. */
export function scanText(
  text: string,
  policy: FieldPolicy,
  context: ScanContext,
): FoundIndicator[] {
  if (policy.skip) return [];
  const scanned = new MaskableText(refang(boundedText(text)));
  const hits: Hit[] = [];
  const addDomain = (index: number, domain: string, keyed: boolean) => {
    if (acceptsDomain(domain, keyed || policy.domainField, policy, context)) {
      hits.push({ index, type: 'domain', value: domain });
    }
  };
  const urls = findUrls(scanned.text);
  for (const url of policy.noDomains ? [] : urls) {
    hits.push({ index: url.index, type: 'url', value: url.url });
    if (url.host && 'ip' in url.host) hits.push({ index: url.index, ...ipHit(url.host.ip) });
    else if (url.host) addDomain(url.index, url.host.domain, true);
  }
  scanned.mask(urls);
  const emails = [...scanned.text.matchAll(EMAIL)];
  for (const match of emails) {
    const email = match[0].toLowerCase();
    if (isEmail(email)) hits.push({ index: match.index, type: 'email', value: email });
  }
  scanned.mask(emails.map((match) => ({ index: match.index, length: match[0].length })));
  if (policy.ips) hits.push(...findIps(scanned));
  if (!policy.noDomains) {
    for (const match of scanned.text.matchAll(DOMAIN))
      addDomain(match.index, cleanDomain(match[1]), false);
  }
  if (policy.hashes !== 'none') hits.push(...findHashes(scanned.text, policy.hashes));
  return hits.sort((a, b) => a.index - b.index).map(({ type, value }) => ({ type, value }));
}

/** The scanned part of a long value ends at whitespace so no token is cut into a false IOC. */
function boundedText(text: string): string {
  return text.length <= MAX_SCANNED_LENGTH
    ? text
    : text.slice(0, MAX_SCANNED_LENGTH).replace(/\S*$/, '');
}

function findIps(scanned: MaskableText): Hit[] {
  const hits: Hit[] = [];
  const ipv6Spans: Span[] = [];
  for (const match of scanned.text.matchAll(IPV6_RUN)) {
    const run = match[1].replace(/\.+$/, '');
    if (run.split(':').length < 3 || !parseIp(run)) continue;
    const ip = parseReportableIp(run);
    if (ip) hits.push({ index: match.index, ...ipHit(ip) });
    ipv6Spans.push({ index: match.index, length: match[0].length });
  }
  scanned.mask(ipv6Spans);
  for (const match of scanned.text.matchAll(IPV4)) {
    const ip = parseReportableIp(match[1]);
    if (ip) hits.push({ index: match.index, ...ipHit(ip) });
  }
  return hits;
}

function ipHit(ip: ParsedIp): FoundIndicator {
  return { type: ip.type, value: ip.literal };
}

function acceptsDomain(
  domain: string,
  keyed: boolean,
  policy: FieldPolicy,
  context: ScanContext,
): boolean {
  if (policy.noDomains || !hasPublicSuffix(domain) || isServiceDomain(domain)) return false;
  if (!keyed && hasAmbiguousSuffix(domain)) return false;
  return !context.selfHostnames.some((host) => domain === host || domain.startsWith(`${host}.`));
}

function isEmail(email: string): boolean {
  const [local, domain] = email.split('@');
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  return hasPublicSuffix(cleanDomain(domain));
}

function findHashes(text: string, mode: 'field' | 'text'): Hit[] {
  const hits: Hit[] = [];
  const freeText = /\s/.test(text);
  for (const match of text.matchAll(HEX_RUN)) {
    const hex = match[1].toLowerCase();
    const type = HASH_TYPE_BY_LENGTH[hex.length];
    if (!type || /^\d+$/.test(hex) || /^(.)\1*$/.test(hex)) continue;
    const label = text.slice(Math.max(0, match.index - 24), match.index);
    if (NON_FILE_HASH_LABEL.test(label)) continue;
    if (mode === 'text' && !freeText && !FILE_HASH_LABEL.test(label)) continue;
    hits.push({ index: match.index, type, value: hex });
  }
  return hits;
}

interface Span {
  index: number;
  length: number;
}

/** Text whose already-matched spans are blanked so later patterns do not see them again. */
class MaskableText {
  constructor(public text: string) {}

  /** Blanks spans given in ascending, non-overlapping order. */
  mask(spans: readonly Span[]): void {
    if (spans.length === 0) return;
    const parts: string[] = [];
    let cursor = 0;
    for (const { index, length } of spans) {
      parts.push(this.text.slice(cursor, index), ' '.repeat(length));
      cursor = index + length;
    }
    parts.push(this.text.slice(cursor));
    this.text = parts.join('');
  }
}
