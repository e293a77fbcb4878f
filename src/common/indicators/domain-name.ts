import { parse as parseHostname } from 'tldts';

/** Cloud/API service identifiers: they name the platform's own endpoints, not a party. */
const SERVICE_DOMAINS = [
  'amazonaws.com',
  'amazonaws.com.cn',
  'api.aws',
  'googleapis.com',
  'k8s.io',
  'kubernetes.io',
  'management.azure.com',
  'graph.microsoft.com',
  'login.microsoftonline.com',
  'graph.windows.net',
  'management.core.windows.net',
];

/**
 * Public suffixes that are also file extensions or field-path words (`setup.py`, `archive.zip`,
 * `agent.name`, `rule.id`). A bare name ending in one counts only where the field names a domain.
 */
const AMBIGUOUS_SUFFIXES = new Set([
  ...['app', 'cab', 'java', 'md', 'mov', 'one', 'pl', 'py', 'run', 'sh', 'so', 'zip'],
  ...['case', 'data', 'date', 'email', 'events', 'group', 'host', 'id', 'name', 'network'],
  ...['observer', 'report', 'security', 'services', 'web', 'windows', 'zone'],
]);

const HOSTNAME_SYNTAX =
  /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/;

export function cleanDomain(candidate: string): string {
  return candidate.trim().toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
}

/** True for a syntactically valid name under an ICANN public suffix (not `.local`, `.internal`...). */
export function hasPublicSuffix(domain: string): boolean {
  if (!HOSTNAME_SYNTAX.test(domain)) return false;
  const parsed = parseHostname(domain, { allowPrivateDomains: false });
  return parsed.isIcann === true && parsed.domain !== null && parsed.hostname === domain;
}

export function isServiceDomain(domain: string): boolean {
  return SERVICE_DOMAINS.some((service) => domain === service || domain.endsWith(`.${service}`));
}

export function hasAmbiguousSuffix(domain: string): boolean {
  return AMBIGUOUS_SUFFIXES.has(domain.slice(domain.lastIndexOf('.') + 1));
}

export function isWithinDomains(domain: string, parents: readonly string[]): boolean {
  return parents.some((parent) => domain === parent || domain.endsWith(`.${parent}`));
}
