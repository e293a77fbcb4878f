import type { IntegrationDefinition } from '../../integrations';
import { JIRA_RESPONDER } from './jira.responder';
import { EMAIL_RESPONDER } from './email.responder';
import { TEAMS_RESPONDER } from './teams.responder';
import { SLACK_RESPONDER } from './slack.responder';
import { EDR_RESPONDER } from './edr/edr.responder';
import { IPTABLES_RESPONDER } from './iptables.responder';

/** A responder whose implementation has not landed yet: flat settings, its secrets declared. */
const pending = (name: string, secretKeys: readonly string[]): IntegrationDefinition => ({
  name,
  kind: 'responder',
  defaults: null,
  secretKeys,
});

/** Every responder, one line each; adding one is its own file plus a line here. */
export const RESPONDER_DEFINITIONS: readonly IntegrationDefinition[] = [
  SLACK_RESPONDER,
  TEAMS_RESPONDER,
  EMAIL_RESPONDER,
  JIRA_RESPONDER,
  pending('firewall', ['apiKey']),
  EDR_RESPONDER,
  pending('ldap', ['bindPassword']),
  IPTABLES_RESPONDER,
];
