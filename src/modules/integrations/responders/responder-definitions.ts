import type { IntegrationDefinition } from '../integration-definition';

/** A responder whose implementation lands later: flat settings, its secrets declared. */
const pending = (name: string, secretKeys: readonly string[]): IntegrationDefinition => ({
  name,
  kind: 'responder',
  defaults: null,
  secretKeys,
});

/** Responders register here until their own module (actions) owns them. */
export const RESPONDER_DEFINITIONS: readonly IntegrationDefinition[] = [
  pending('slack', ['botToken', 'signingSecret']),
  pending('teams', ['webhookUrl']),
  pending('email', ['password']),
  pending('jira', ['apiToken']),
  pending('firewall', ['apiKey']),
  pending('edr', ['apiKey']),
  pending('ldap', ['bindPassword']),
  pending('iptables', []),
];
