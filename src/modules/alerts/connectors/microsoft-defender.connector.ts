import type { JsonObject } from '../../../common/types/json';
import { asObjectList, getField, readText, readTexts } from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { severityFromWord } from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

/**
 * Microsoft Defender for Endpoint API alert (`GET /api/alerts/{id}`, entities in `evidence`),
 * also as listed in a Microsoft 365 Defender incident (`creationTime`, `devices`, `entities`).
 */
export class MicrosoftDefenderConnector extends VendorConnector {
  readonly name = 'microsoft-defender-endpoint';

  recognizes(alert: JsonObject): boolean {
    if ('alertCreationTime' in alert) return 'machineId' in alert || 'computerDnsName' in alert;
    return (
      'alertId' in alert && 'creationTime' in alert && ('entities' in alert || 'devices' in alert)
    );
  }

  protected map(alert: JsonObject): NormalizedAlert {
    const title = readText(alert, 'title');
    const entities = [
      ...asObjectList(getField(alert, 'evidence')),
      ...asObjectList(getField(alert, 'entities')),
    ];
    const entityUser = entities
      .filter((entity) => entity.entityType === 'User')
      .map((entity) => readText(entity, 'accountName'))
      .find((name) => name !== null);
    return buildNormalizedAlert('microsoft_defender_endpoint', {
      title,
      description: readText(alert, 'description'),
      eventTime: toUtcTimestamp(
        getField(alert, 'alertCreationTime') ?? getField(alert, 'creationTime'),
      ),
      hostname: readText(alert, 'computerDnsName', 'devices.0.deviceDnsName'),
      username: readText(alert, 'relatedUser.userName') ?? entityUser ?? null,
      ruleId: readText(alert, 'detectorId'),
      ruleName: title,
      severity: severityFromWord(readText(alert, 'severity')),
      tags: readTexts(alert, 'category', 'mitreTechniques', 'threatFamilyName'),
    });
  }
}
