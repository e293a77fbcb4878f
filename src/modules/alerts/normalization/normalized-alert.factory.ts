import type { NormalizedAlert } from './normalized-alert';
import { UNKNOWN_SEVERITY, type SourceSeverity } from './severity';

export type NormalizedAlertFields = Partial<
  Omit<NormalizedAlert, 'sourceTool' | 'sourceSeverity' | 'sourceSeverityLabel'>
> & { severity?: SourceSeverity };

/** Builds a complete NormalizedAlert: every field present, `null` when absent, tags deduplicated. */
export function buildNormalizedAlert(
  sourceTool: string,
  fields: NormalizedAlertFields,
): NormalizedAlert {
  const severity = fields.severity ?? UNKNOWN_SEVERITY;
  return {
    sourceTool,
    title: presentText(fields.title),
    description: presentText(fields.description),
    eventTime: presentText(fields.eventTime),
    srcIp: presentText(fields.srcIp),
    srcPort: fields.srcPort ?? null,
    dstIp: presentText(fields.dstIp),
    dstPort: fields.dstPort ?? null,
    hostname: presentText(fields.hostname),
    username: presentText(fields.username),
    ruleId: presentText(fields.ruleId),
    ruleName: presentText(fields.ruleName),
    sourceSeverity: severity.score,
    sourceSeverityLabel: severity.label,
    tags: uniqueTags(fields.tags ?? []),
  };
}

function presentText(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

function uniqueTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  for (const tag of tags) {
    const trimmed = tag.trim();
    if (trimmed !== '') seen.add(trimmed);
  }
  return [...seen];
}
