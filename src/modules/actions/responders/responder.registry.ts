import type { IntegrationDefinition } from '../../integrations';
import { JIRA_RESPONDER } from './jira.responder';
import { EMAIL_RESPONDER } from './email.responder';
import { TEAMS_RESPONDER } from './teams.responder';
import { SLACK_RESPONDER } from './slack.responder';
import { EDR_RESPONDER } from './edr/edr.responder';
import { IPTABLES_RESPONDER } from './iptables.responder';
import { FIREWALL_RESPONDER } from './firewall.responder';
import { LDAP_RESPONDER } from './ldap.responder';

/** Every responder, one line each; adding one is its own file plus a line here. */
export const RESPONDER_DEFINITIONS: readonly IntegrationDefinition[] = [
  SLACK_RESPONDER,
  TEAMS_RESPONDER,
  EMAIL_RESPONDER,
  JIRA_RESPONDER,
  FIREWALL_RESPONDER,
  EDR_RESPONDER,
  LDAP_RESPONDER,
  IPTABLES_RESPONDER,
];
