import { PROVIDER_NAMES, PROVIDER_REGISTRY } from '../enrichment/providers/provider.registry';
import type { ProviderName } from '../enrichment/providers/provider.types';

export const RESPONDER_NAMES = [
  'slack',
  'teams',
  'email',
  'jira',
  'firewall',
  'edr',
  'ldap',
  'iptables',
] as const;
export type ResponderName = (typeof RESPONDER_NAMES)[number];

export const INTEGRATION_NAMES = [...PROVIDER_NAMES, ...RESPONDER_NAMES] as const;
export type IntegrationName = ProviderName | ResponderName;
export type IntegrationKind = 'provider' | 'responder';

export interface IntegrationDefinition {
  name: IntegrationName;
  kind: IntegrationKind;
  /** Write-only settings: sealed at rest, never returned. */
  secretKeys: readonly string[];
}

/** Responders are built by later issues; until then their settings are flat and only the secrets are declared. */
const RESPONDER_SECRETS: Record<ResponderName, readonly string[]> = {
  slack: ['botToken', 'signingSecret'],
  teams: ['webhookUrl'],
  email: ['password'],
  jira: ['apiToken'],
  firewall: ['apiKey'],
  edr: ['apiKey'],
  ldap: ['bindPassword'],
  iptables: [],
};

export const INTEGRATION_CATALOG: ReadonlyMap<IntegrationName, IntegrationDefinition> = new Map([
  ...PROVIDER_NAMES.map((name): [IntegrationName, IntegrationDefinition] => [
    name,
    { name, kind: 'provider', secretKeys: PROVIDER_REGISTRY[name].secrets },
  ]),
  ...RESPONDER_NAMES.map((name): [IntegrationName, IntegrationDefinition] => [
    name,
    { name, kind: 'responder', secretKeys: RESPONDER_SECRETS[name] },
  ]),
]);

export function isIntegrationName(value: string): value is IntegrationName {
  return INTEGRATION_CATALOG.has(value as IntegrationName);
}
