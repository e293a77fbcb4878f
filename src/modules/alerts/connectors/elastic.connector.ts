import { isJsonObject, type JsonObject } from '../../../common/types/json';
import { endpointIp } from '../../../common/indicators/ip-address';
import {
  asNumber,
  asObjectList,
  getField,
  readFirst,
  readPort,
  readText,
  readTexts,
} from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { severityFromWordAndScore } from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

/** Kibana 8 `.alerts-security` (`kibana.alert.*`), 7.x `.siem-signals` (`signal.*`), raw ECS alerts. */
export class ElasticConnector extends VendorConnector {
  readonly name = 'elastic';

  recognizes(alert: JsonObject): boolean {
    if (getField(alert, 'kibana.alert.rule.name') !== undefined) return true;
    if (getField(alert, 'kibana.alert.uuid') !== undefined) return true;
    if (isJsonObject(getField(alert, 'signal.rule'))) return true;
    const kind = getField(alert, 'event.kind');
    return getField(alert, 'ecs.version') !== undefined && (kind === 'alert' || kind === 'signal');
  }

  protected map(alert: JsonObject): NormalizedAlert {
    const title = readText(alert, 'kibana.alert.rule.name', 'signal.rule.name', 'rule.name');
    const ruleThreats = [
      ...asObjectList(getField(alert, 'kibana.alert.rule.threat')),
      ...asObjectList(getField(alert, 'signal.rule.threat')),
    ];
    return buildNormalizedAlert('elastic', {
      title: title ?? readText(alert, 'message'),
      description: readText(
        alert,
        'kibana.alert.reason',
        'signal.reason',
        'kibana.alert.rule.description',
        'signal.rule.description',
      ),
      eventTime: toUtcTimestamp(getField(alert, '@timestamp')),
      srcIp: readFirst(alert, ['source.ip'], endpointIp),
      srcPort: readPort(alert, 'source.port'),
      dstIp: readFirst(alert, ['destination.ip'], endpointIp),
      dstPort: readPort(alert, 'destination.port'),
      hostname: readText(alert, 'host.name', 'host.hostname'),
      username: readText(alert, 'user.name'),
      ruleId: readText(
        alert,
        'kibana.alert.rule.rule_id',
        'signal.rule.rule_id',
        'kibana.alert.rule.uuid',
        'rule.id',
      ),
      ruleName: title,
      severity: severityFromWordAndScore(
        readText(
          alert,
          'kibana.alert.severity',
          'kibana.alert.rule.severity',
          'signal.rule.severity',
        ),
        readFirst(
          alert,
          ['kibana.alert.risk_score', 'kibana.alert.rule.risk_score', 'signal.rule.risk_score'],
          asNumber,
        ),
      ),
      tags: [
        ...readTexts(alert, 'kibana.alert.rule.tags', 'signal.rule.tags'),
        ...ruleThreats.flatMap((threat) => readTexts(threat, 'tactic.name')),
        ...readTexts(alert, 'tags'),
      ],
    });
  }
}
