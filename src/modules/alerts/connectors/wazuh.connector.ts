import { isJsonObject, type JsonObject, type JsonValue } from '../../../common/types/json';
import { endpointIp } from '../../../common/indicators/ip-address';
import {
  asNumber,
  asText,
  getField,
  readFirst,
  readPort,
  readText,
  readTexts,
} from '../normalization/field-lookup';
import { FieldIndex } from '../normalization/field-index';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { severityFromScale, type SeverityBand } from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';
import { actionEndpoints } from './guardduty.connector';

/** Wazuh dashboard bands of `rule.level`: 0-6 low, 7-11 medium, 12-14 high, 15 critical. */
const LEVEL_BANDS: readonly SeverityBand[] = [
  { label: 'low', from: 0, to: 7 },
  { label: 'medium', from: 7, to: 12 },
  { label: 'high', from: 12, to: 15 },
  { label: 'critical', from: 15, to: 16 },
];
const SOURCE_IP_PATHS = [
  'data.srcip',
  'data.src_ip',
  'data.protoPayload.requestMetadata.callerIp',
  'data.aws.sourceIPAddress',
  'data.CallerIpAddress',
  'data.callerIpAddress',
  'data.github.actor_ip',
  'data.office365.ClientIP',
  'data.win.eventdata.ipAddress',
  'data.win.eventdata.sourceIp',
];
const DESTINATION_IP_PATHS = [
  'data.dstip',
  'data.dst_ip',
  'data.dest_ip',
  'data.win.eventdata.destinationIp',
];
const USER_PATHS = [
  'data.srcuser',
  'data.dstuser',
  'data.protoPayload.authenticationInfo.principalEmail',
  'data.Caller',
  'data.github.actor',
  'data.aws.userIdentity.userName',
  'data.aws.resource.accessKeyDetails.userName',
  'data.office365.UserId',
  'data.win.eventdata.targetUserName',
  // Process-creation and object-access events (4688, 4663...) name only the acting subject.
  'data.win.eventdata.subjectUserName',
  'data.win.eventdata.user',
  'data.user',
  'data.username',
];
/** Module payloads nest their actor differently; these keys name it wherever it sits under `data`. */
const ACTOR_KEYS = ['principalemail', 'caller', 'actor'];

/** Windows event data writes `-` for an absent account name. */
function windowsText(value: JsonValue | undefined): string | null {
  const text = asText(value);
  return text === '-' ? null : text;
}

export class WazuhConnector extends VendorConnector {
  readonly name = 'wazuh';

  recognizes(alert: JsonObject): boolean {
    const rule = alert.rule;
    if (!isJsonObject(rule)) return false;
    const hasRuleIdentity = rule.level !== undefined || rule.description !== undefined;
    return (
      hasRuleIdentity && ['agent', 'manager', 'decoder', 'location'].some((key) => key in alert)
    );
  }

  protected map(alert: JsonObject): NormalizedAlert {
    const description = readText(alert, 'rule.description');
    const data = getField(alert, 'data');
    // A GuardDuty finding read by the AWS module: its endpoints depend on the action type.
    const finding = actionEndpoints(getField(alert, 'data.aws.service.action'));
    return buildNormalizedAlert('wazuh', {
      title: description,
      description: readText(alert, 'full_log'),
      eventTime: toUtcTimestamp(getField(alert, 'timestamp') ?? getField(alert, '@timestamp')),
      srcIp: readFirst(alert, SOURCE_IP_PATHS, endpointIp) ?? finding.srcIp,
      srcPort: readPort(alert, 'data.srcport', 'data.src_port') ?? finding.srcPort,
      dstIp: readFirst(alert, DESTINATION_IP_PATHS, endpointIp) ?? finding.dstIp,
      dstPort:
        readPort(alert, 'data.dstport', 'data.dst_port', 'data.dest_port') ?? finding.dstPort,
      hostname: readText(alert, 'agent.name'),
      username:
        readFirst(alert, USER_PATHS, windowsText) ??
        (data ? FieldIndex.build(data).find(ACTOR_KEYS, asText) : null),
      ruleId: readText(alert, 'rule.id'),
      ruleName: description,
      severity: severityFromScale(asNumber(getField(alert, 'rule.level')), LEVEL_BANDS, 'integer'),
      tags: readTexts(alert, 'rule.groups', 'rule.mitre.tactic', 'rule.mitre.id'),
    });
  }
}
