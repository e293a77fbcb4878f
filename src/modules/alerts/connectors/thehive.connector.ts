import type { JsonObject } from '../../../common/types/json';
import { asNumber, getField, readText, readTexts } from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { severityFor, UNKNOWN_SEVERITY, type SourceSeverity } from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

const SEVERITY_LABELS = ['low', 'medium', 'high', 'critical'] as const;

/**
 * TheHive 3/4/5 alert objects (`title`, `severity` 1-4, `date` epoch ms, `sourceRef`...) and
 * cases (`_type: case`, no `date`: created at `_createdAt`/`createdAt`), which webhooks also send.
 */
export class TheHiveConnector extends VendorConnector {
  readonly name = 'thehive';

  recognizes(alert: JsonObject): boolean {
    const type = typeof alert._type === 'string' ? alert._type.toLowerCase() : '';
    if ((type === 'alert' || type === 'case') && 'title' in alert) return true;
    return (
      'sourceRef' in alert &&
      'source' in alert &&
      'title' in alert &&
      ('tlp' in alert || 'artifacts' in alert || 'observables' in alert)
    );
  }

  protected map(alert: JsonObject): NormalizedAlert {
    return buildNormalizedAlert('thehive', {
      title: readText(alert, 'title'),
      description: readText(alert, 'description'),
      eventTime: toUtcTimestamp(
        getField(alert, 'date') ?? getField(alert, '_createdAt') ?? getField(alert, 'createdAt'),
      ),
      severity: theHiveSeverity(asNumber(getField(alert, 'severity'))),
      tags: readTexts(alert, 'tags'),
    });
  }
}

/** TheHive severities: 1 low, 2 medium, 3 high, 4 critical. */
function theHiveSeverity(severity: number | null): SourceSeverity {
  const label = severity === null ? undefined : SEVERITY_LABELS[Math.round(severity) - 1];
  return label ? severityFor(label) : UNKNOWN_SEVERITY;
}
