import type { SourceSeverityLabel } from '../../../common/indicators/severity';

/**
 * The vendor-neutral shape every connector produces (API.md, "normalized").
 * Every field is present; a field the alert lacks is `null`.
 */
export interface NormalizedAlert {
  /** wazuh, splunk, elastic, suricata, guardduty, crowdstrike_falcon, microsoft_defender_endpoint, microsoft_graph_security, zeek, thehive, generic */
  sourceTool: string;
  title: string | null;
  description: string | null;
  /** When the tool created the alert, UTC ISO-8601 with `Z`, keeping the source's fractional digits. */
  eventTime: string | null;
  srcIp: string | null;
  srcPort: number | null;
  dstIp: string | null;
  dstPort: number | null;
  hostname: string | null;
  username: string | null;
  ruleId: string | null;
  ruleName: string | null;
  /** Source severity mapped onto 0-100 with the vendor's own scale; null when the tool gives none. */
  sourceSeverity: number | null;
  sourceSeverityLabel: SourceSeverityLabel;
  tags: string[];
}
