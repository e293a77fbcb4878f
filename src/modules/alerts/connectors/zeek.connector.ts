import type { JsonObject } from '../../../common/types/json';
import { endpointIp } from '../../../common/indicators/ip-address';
import { getField, readFirst, readPort, readText } from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

/** Zeek notice.log records in JSON (`note`, `msg`, `src`, `dst`, `id.orig_h`...); no severity. */
export class ZeekConnector extends VendorConnector {
  readonly name = 'zeek';

  recognizes(alert: JsonObject): boolean {
    return typeof alert.note === 'string' && alert.note.includes('::') && 'ts' in alert;
  }

  protected map(notice: JsonObject): NormalizedAlert {
    const note = readText(notice, 'note');
    return buildNormalizedAlert('zeek', {
      title: note,
      description: readText(notice, 'msg'),
      eventTime: toUtcTimestamp(getField(notice, 'ts')),
      srcIp: readFirst(notice, ['src', 'id.orig_h'], endpointIp),
      srcPort: readPort(notice, 'id.orig_p'),
      dstIp: readFirst(notice, ['dst', 'id.resp_h'], endpointIp),
      dstPort: readPort(notice, 'id.resp_p', 'p'),
      ruleId: note,
      ruleName: note,
      tags: note ? [note.split('::')[0]] : [],
    });
  }
}
