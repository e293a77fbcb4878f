import { isJsonObject, type JsonObject } from '../../../common/types/json';
import { endpointIp } from '../../../common/indicators/ip-address';
import { FieldIndex } from '../normalization/field-index';
import { asPort, asText, getField, readText, readTexts } from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { severityFromWord } from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

const WEBHOOK_KEYS = ['search_name', 'sid', 'results_link'];
const TOP_LEVEL = { containers: new Set<string>() };
const SINGLE_ENDPOINT = { ...TOP_LEVEL, singleValuesOnly: true };

/** Splunk webhook alert action: `{search_name, sid, results_link, owner, app, result: {...}}`. */
export class SplunkConnector extends VendorConnector {
  readonly name = 'splunk';

  recognizes(alert: JsonObject): boolean {
    return isJsonObject(alert.result) && WEBHOOK_KEYS.some((key) => key in alert);
  }

  protected map(alert: JsonObject): NormalizedAlert {
    const result = getField(alert, 'result') ?? {};
    const fields = FieldIndex.build(result);
    const find = (names: string[]) => fields.find(names, asText, TOP_LEVEL);
    const findPort = (names: string[]) => fields.find(names, asPort, TOP_LEVEL);
    const searchName = readText(alert, 'search_name');
    return buildNormalizedAlert('splunk', {
      title: searchName,
      description: find(['_raw']),
      eventTime: toUtcTimestamp(getField(result, '_time')),
      srcIp: fields.find(
        ['src_ip', 'src', 'source_ip', 'srcip', 'clientip'],
        endpointIp,
        SINGLE_ENDPOINT,
      ),
      srcPort: findPort(['src_port', 'srcport', 'source_port']),
      dstIp: fields.find(
        ['dest_ip', 'dest', 'dst', 'dstip', 'destination_ip'],
        endpointIp,
        SINGLE_ENDPOINT,
      ),
      dstPort: findPort(['dest_port', 'dstport', 'dst_port', 'destination_port']),
      hostname: find(['host']),
      username: find(['user', 'src_user', 'username', 'user_name']),
      ruleId: null,
      ruleName: searchName,
      severity: severityFromWord(find(['severity', 'urgency'])),
      tags: readTexts(result, 'tag'),
    });
  }
}
