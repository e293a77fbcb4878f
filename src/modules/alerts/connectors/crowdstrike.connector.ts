import { isJsonObject, type JsonObject, type JsonValue } from '../../../common/types/json';
import { endpointIp } from '../../../common/indicators/ip-address';
import {
  asNumber,
  asObjectList,
  getField,
  readFirst,
  readText,
  readTexts,
} from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import {
  labelFromWord,
  severityFor,
  severityFromWordAndScore,
  UNKNOWN_SEVERITY,
  type SourceSeverity,
} from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

const SOURCE_TOOL = 'crowdstrike_falcon';
/** Legacy DetectionSummaryEvent `Severity` 1-5. */
const LEGACY_SEVERITY_WORDS = ['informational', 'low', 'medium', 'high', 'critical'];

/**
 * CrowdStrike Falcon: streaming API events (`{metadata: {eventType}, event: {...}}`, legacy
 * DetectionSummaryEvent and EPPDetectionSummaryEvent) and Alerts API v2 / Detects API entities.
 */
export class CrowdStrikeConnector extends VendorConnector {
  readonly name = 'crowdstrike';

  recognizes(alert: JsonObject): boolean {
    return isStreamingEvent(alert) || isAlertEntity(alert);
  }

  protected map(alert: JsonObject): NormalizedAlert {
    return isStreamingEvent(alert) ? mapStreamingEvent(alert) : mapAlertEntity(alert);
  }
}

function isStreamingEvent(alert: JsonObject): boolean {
  const eventType = getField(alert, 'metadata.eventType');
  return typeof eventType === 'string' && isJsonObject(alert.event);
}

function isAlertEntity(alert: JsonObject): boolean {
  if ('composite_id' in alert || 'falcon_host_link' in alert) return true;
  return typeof alert.cid === 'string' && ('detection_id' in alert || 'severity_name' in alert);
}

function mapStreamingEvent(alert: JsonObject): NormalizedAlert {
  const event = getField(alert, 'event') ?? {};
  const detectName = readText(event, 'DetectName', 'Name');
  const isLegacyScale = getField(alert, 'metadata.eventType') === 'DetectionSummaryEvent';
  return buildNormalizedAlert(SOURCE_TOOL, {
    title: detectName,
    description: readText(event, 'DetectDescription', 'Description'),
    eventTime: toUtcTimestamp(getField(alert, 'metadata.eventCreationTime')),
    hostname: readText(event, 'ComputerName', 'Hostname'),
    username: readText(event, 'UserName'),
    ruleId: readText(event, 'PatternId'),
    ruleName: detectName,
    severity: falconSeverity(
      readText(event, 'SeverityName'),
      asNumber(getField(event, 'Severity')),
      isLegacyScale,
    ),
    tags: readTexts(event, 'Tactic', 'Technique', 'Objective'),
  });
}

function mapAlertEntity(alert: JsonObject): NormalizedAlert {
  const firstBehavior: JsonValue = asObjectList(getField(alert, 'behaviors'))[0] ?? {};
  const name = readText(alert, 'name', 'display_name') ?? readText(firstBehavior, 'display_name');
  return buildNormalizedAlert(SOURCE_TOOL, {
    title: name,
    description: readText(alert, 'description') ?? readText(firstBehavior, 'description'),
    eventTime: toUtcTimestamp(getField(alert, 'created_timestamp')),
    srcIp: readFirst(alert, ['source_ip_address'], endpointIp),
    hostname: readText(alert, 'device.hostname', 'hostname'),
    username: readText(alert, 'user_name') ?? readText(firstBehavior, 'user_name'),
    ruleId: readText(alert, 'pattern_id') ?? readText(firstBehavior, 'pattern_id'),
    ruleName: name,
    severity: falconSeverity(
      readText(alert, 'severity_name', 'max_severity_displayname'),
      asNumber(getField(alert, 'severity') ?? getField(alert, 'max_severity')),
      false,
    ),
    tags: [
      ...readTexts(alert, 'tactic', 'technique'),
      ...asObjectList(getField(alert, 'mitre_attack')).flatMap((attack) =>
        readTexts(attack, 'tactic'),
      ),
      ...readTexts(firstBehavior, 'tactic'),
    ],
  });
}

/** Falcon's SeverityName (Informational counts as low), else its 0-100 or legacy 1-5 number. */
function falconSeverity(
  word: string | null,
  value: number | null,
  legacyScale: boolean,
): SourceSeverity {
  if (legacyScale && value !== null && value >= 1 && value <= 5) {
    return falconSeverity(word ?? LEGACY_SEVERITY_WORDS[Math.round(value) - 1], null, false);
  }
  const label = labelFromWord(word);
  if (label === 'info') return severityFor('low');
  if (label === null && value === null) return UNKNOWN_SEVERITY;
  const severity = severityFromWordAndScore(word, value);
  return severity.label === 'info' ? severityFor('low') : severity;
}
