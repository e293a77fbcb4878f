import type { JsonObject, JsonValue } from '../../../common/types/json';
import { endpointIp } from '../../../common/indicators/ip-address';
import {
  asObjectList,
  asText,
  getField,
  readFirst,
  readPort,
  readText,
  readTexts,
} from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { severityFromWord } from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

const EVIDENCE_TYPE = '@odata.type';

/** Microsoft Graph security alerts: `alerts_v2` (evidence[]) and legacy `security/alerts` (v1). */
export class MicrosoftGraphConnector extends VendorConnector {
  readonly name = 'microsoft-graph-security';

  recognizes(alert: JsonObject): boolean {
    if (!('createdDateTime' in alert) || !('title' in alert)) return false;
    const odataType = typeof alert[EVIDENCE_TYPE] === 'string' ? alert[EVIDENCE_TYPE] : '';
    return (
      odataType.includes('microsoft.graph.security') ||
      ['serviceSource', 'providerAlertId', 'alertWebUrl', 'vendorInformation'].some(
        (key) => key in alert,
      )
    );
  }

  protected map(alert: JsonObject): NormalizedAlert {
    const evidence = asObjectList(getField(alert, 'evidence'));
    const ofType = (suffix: string) =>
      evidence.filter((item) => asText(item[EVIDENCE_TYPE])?.endsWith(suffix) === true);
    const firstText = (items: JsonObject[], path: string) =>
      items.map((item) => readText(item, path)).find((text) => text !== null) ?? null;
    const title = readText(alert, 'title');
    const connection = singleConnection(alert);
    return buildNormalizedAlert('microsoft_graph_security', {
      title,
      description: readText(alert, 'description'),
      eventTime: toUtcTimestamp(getField(alert, 'createdDateTime')),
      srcIp: connection ? readFirst(connection, ['sourceAddress'], endpointIp) : null,
      srcPort: connection ? readPort(connection, 'sourcePort') : null,
      dstIp: connection ? readFirst(connection, ['destinationAddress'], endpointIp) : null,
      dstPort: connection ? readPort(connection, 'destinationPort') : null,
      hostname:
        firstText(ofType('.deviceEvidence'), 'deviceDnsName') ??
        readText(alert, 'hostStates.0.fqdn', 'hostStates.0.netBiosName'),
      username:
        firstText(ofType('.processEvidence'), 'userAccount.accountName') ??
        firstText(ofType('.userEvidence'), 'userAccount.accountName') ??
        readText(alert, 'userStates.0.accountName'),
      ruleId: readText(alert, 'detectorId'),
      ruleName: title,
      severity: severityFromWord(readText(alert, 'severity')),
      tags: readTexts(alert, 'category', 'mitreTechniques', 'tags'),
    });
  }
}

/** Legacy alerts list network connections; only a single one names a source and destination. */
function singleConnection(alert: JsonObject): JsonValue | null {
  const connections = asObjectList(getField(alert, 'networkConnections'));
  return connections.length === 1 ? connections[0] : null;
}
