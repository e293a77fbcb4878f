import { isJsonObject, type JsonObject } from '../../../common/types/json';
import { endpointIp } from '../../../common/indicators/ip-address';
import {
  asNumber,
  getField,
  readFirst,
  readPort,
  readText,
  readTexts,
} from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { severityFor, UNKNOWN_SEVERITY, type SourceSeverity } from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

const TAG_METADATA_KEYS = ['mitre_tactic_name', 'mitre_technique_id', 'mitre_attack'];

/** Suricata EVE JSON `event_type: alert` records. */
export class SuricataConnector extends VendorConnector {
  readonly name = 'suricata';

  recognizes(alert: JsonObject): boolean {
    const signature = isJsonObject(alert.alert) ? alert.alert.signature : undefined;
    return signature !== undefined && (alert.event_type === 'alert' || 'src_ip' in alert);
  }

  protected map(alert: JsonObject): NormalizedAlert {
    const signature = readText(alert, 'alert.signature');
    const metadata = getField(alert, 'alert.metadata');
    return buildNormalizedAlert('suricata', {
      title: signature,
      description: readText(alert, 'alert.category'),
      eventTime: toUtcTimestamp(getField(alert, 'timestamp')),
      srcIp: readFirst(alert, ['src_ip'], endpointIp),
      srcPort: readPort(alert, 'src_port'),
      dstIp: readFirst(alert, ['dest_ip'], endpointIp),
      dstPort: readPort(alert, 'dest_port'),
      ruleId: readText(alert, 'alert.signature_id'),
      ruleName: signature,
      severity: suricataSeverity(asNumber(getField(alert, 'alert.severity'))),
      tags: [...readTexts(alert, 'alert.category'), ...readTexts(metadata, ...TAG_METADATA_KEYS)],
    });
  }
}

/** Suricata priorities: 1 high, 2 medium, 3 and above low. */
function suricataSeverity(severity: number | null): SourceSeverity {
  if (severity === null || severity < 1) return UNKNOWN_SEVERITY;
  if (severity === 1) return severityFor('high');
  return severityFor(severity === 2 ? 'medium' : 'low');
}
