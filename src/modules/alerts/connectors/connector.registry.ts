import type { JsonObject } from '../../../common/types/json';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import type { AlertConnector } from './alert-connector';
import { findWrappedAlert } from './alert-envelope';
import { UnknownConnectorError } from './connector.errors';
import { CrowdStrikeConnector } from './crowdstrike.connector';
import { ElasticConnector } from './elastic.connector';
import { GenericConnector } from './generic.connector';
import { GuardDutyConnector } from './guardduty.connector';
import { MicrosoftDefenderConnector } from './microsoft-defender.connector';
import { MicrosoftGraphConnector } from './microsoft-graph.connector';
import { SplunkConnector } from './splunk.connector';
import { SuricataConnector } from './suricata.connector';
import { TheHiveConnector } from './thehive.connector';
import { WazuhConnector } from './wazuh.connector';
import { ZeekConnector } from './zeek.connector';

const splunk = new SplunkConnector();
const wazuh = new WazuhConnector();
const elastic = new ElasticConnector();
const suricata = new SuricataConnector();
const guardduty = new GuardDutyConnector();

/** Every vendor format, in the order the generic connector tries them (most specific first). */
export const VENDOR_CONNECTORS: readonly AlertConnector[] = [
  wazuh,
  elastic,
  splunk,
  suricata,
  guardduty,
  new CrowdStrikeConnector(),
  new MicrosoftDefenderConnector(),
  new MicrosoftGraphConnector(),
  new ZeekConnector(),
  new TheHiveConnector(),
];

const generic = new GenericConnector(VENDOR_CONNECTORS);

/** Connectors with their own webhook route (`POST /alerts/webhook/:connector`). */
export const WEBHOOK_CONNECTOR_NAMES = [
  'splunk',
  'wazuh',
  'elastic',
  'suricata',
  'guardduty',
  'generic',
] as const;
export type WebhookConnectorName = (typeof WEBHOOK_CONNECTOR_NAMES)[number];

const WEBHOOK_CONNECTORS: Record<WebhookConnectorName, AlertConnector> = {
  splunk,
  wazuh,
  elastic,
  suricata,
  guardduty,
  generic,
};

export function isWebhookConnectorName(name: string): name is WebhookConnectorName {
  return (WEBHOOK_CONNECTOR_NAMES as readonly string[]).includes(name);
}

/**
 * Normalizes a raw alert received on a connector's webhook. The named vendor's format is looked
 * for first (also inside envelopes); a payload that plainly has another known format is mapped
 * by that format's connector; anything else by the named connector's best effort.
 * @throws UnknownConnectorError for a name outside WEBHOOK_CONNECTOR_NAMES.
 */
export function normalizeAlert(connectorName: string, payload: JsonObject): NormalizedAlert {
  if (!isWebhookConnectorName(connectorName)) {
    throw new UnknownConnectorError(connectorName, WEBHOOK_CONNECTOR_NAMES);
  }
  const connector = WEBHOOK_CONNECTORS[connectorName];
  const hasOwnFormat = findWrappedAlert(payload, (alert) => connector.recognizes(alert)) !== null;
  if (hasOwnFormat) return connector.normalize(payload);
  const otherFormat = generic.identify(payload);
  return otherFormat
    ? otherFormat.connector.normalize(otherFormat.alert)
    : connector.normalize(payload);
}
