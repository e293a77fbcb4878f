import type { IntegrationDefinition } from '../../integrations';

/** A responder whose implementation has not landed yet: flat settings, its secrets declared. */
const pending = (name: string, secretKeys: readonly string[]): IntegrationDefinition => ({
  name,
  kind: 'responder',
  defaults: null,
  secretKeys,
});

/** Every responder, one line each; adding one is its own file plus a line here. */
export const RESPONDER_DEFINITIONS: readonly IntegrationDefinition[] = [
  pending('slack', ['botToken', 'signingSecret']),
  pending('teams', ['webhookUrl']),
  pending('email', ['password']),
  pending('jira', ['apiToken']),
  pending('firewall', ['apiKey']),
  pending('edr', ['clientSecret']),
  pending('ldap', ['bindPassword']),
  pending('iptables', []),
];
