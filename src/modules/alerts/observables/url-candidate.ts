import {
  cleanDomain,
  hasPublicSuffix,
  isServiceDomain,
  isWithinDomains,
} from '../../../common/indicators/domain-name';
import { parseReportableIp, type ParsedIp } from '../../../common/indicators/ip-address';

export interface UrlCandidate {
  index: number;
  length: number;
  /** Scheme and host lowercased; path, query and fragment as written. */
  url: string;
  /** The host as an IOC; null for cloud service endpoints (the URL still counts). */
  host: { ip: ParsedIp } | { domain: string } | null;
}

const URL_PATTERN = /(?<![A-Za-z])(?:https?|ftps?|sftp|wss?):\/\/[^\s"'<>`|^{}\\;]+/gi;
const URL_PARTS = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(.*)$/is;
const TRAILING_PUNCTUATION = /[.,:!?'"*\]}>]+$/;

/** Vendor consoles and advisory/threat-intel report sites: links about an alert, not in it. */
const REFERENCE_SITES = [
  ...['crowdstrike.com', 'security.microsoft.com', 'securitycenter.windows.com'],
  ...['securitycenter.microsoft.com', 'portal.azure.com', 'console.aws.amazon.com'],
  ...['nvd.nist.gov', 'cve.mitre.org', 'cve.org', 'attack.mitre.org', 'cwe.mitre.org'],
  ...['capec.mitre.org', 'msrc.microsoft.com', 'bugzilla.redhat.com', 'access.redhat.com'],
  ...['security.gentoo.org', 'usn.ubuntu.com', 'security-tracker.debian.org', 'secunia.com'],
  ...['vupen.com', 'securityfocus.com', 'exploit-db.com', 'osv.dev', 'cti.wazuh.com'],
  ...['doc.emergingthreats.net', 'virustotal.com', 'otx.alienvault.com', 'abuse.ch'],
  ...['abuseipdb.com', 'talosintelligence.com', 'exchange.xforce.ibmcloud.com'],
  ...['hybrid-analysis.com', 'any.run'],
];
const REFERENCE_PATHS = [
  /CVE-\d{4}-\d{4,}/i,
  /\/advisor(y|ies)\//i,
  /\/security\/(bulletins?|notices?)\//i,
];

/** Absolute URLs in `text` with a public host, leaving out console, advisory and report links. */
export function findUrls(text: string): UrlCandidate[] {
  const found: UrlCandidate[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const raw = trimUrl(match[0]);
    const candidate = parseUrl(raw);
    if (candidate) found.push({ index: match.index, length: match[0].length, ...candidate });
  }
  return found;
}

function trimUrl(raw: string): string {
  let url = raw.replace(TRAILING_PUNCTUATION, '');
  while (url.endsWith(')') && count(url, ')') > count(url, '(')) {
    url = url.slice(0, -1).replace(TRAILING_PUNCTUATION, '');
  }
  return url;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** Normalizes one absolute URL; null when its host is not a public party or it is a reference link. */
export function parseUrl(raw: string): Omit<UrlCandidate, 'index' | 'length'> | null {
  const parts = URL_PARTS.exec(raw);
  if (!parts) return null;
  const [, scheme, authority, rest] = parts;
  const hostPort = authority.slice(authority.lastIndexOf('@') + 1).toLowerCase();
  const hostText = hostPort.startsWith('[')
    ? hostPort.slice(1, hostPort.indexOf(']'))
    : hostPort.replace(/:\d*$/, '');
  const url = `${scheme.toLowerCase()}${authority.toLowerCase()}${rest}`;
  const ip = parseReportableIp(hostText);
  if (ip) return { url, host: { ip } };
  const domain = cleanDomain(hostText);
  if (!hasPublicSuffix(domain)) return null;
  if (isWithinDomains(domain, REFERENCE_SITES) || REFERENCE_PATHS.some((p) => p.test(rest))) {
    return null;
  }
  return { url, host: isServiceDomain(domain) ? null : { domain } };
}
