import { isJsonObject, type JsonObject, type JsonValue } from '../../../common/types/json';
import { endpointIp } from '../observables/ip-address';
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
import {
  buildNormalizedAlert,
  type NormalizedAlertFields,
} from '../normalization/normalized-alert.factory';
import { severityFromScale, TEN_POINT_SEVERITY_BANDS } from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import { VendorConnector } from './alert-connector';

/** Actions whose remote party is the caller, i.e. the source. */
const CALLER_ACTIONS: Record<string, string> = {
  AWS_API_CALL: 'awsApiCallAction',
  KUBERNETES_API_CALL: 'kubernetesApiCallAction',
  RDS_LOGIN_ATTEMPT: 'rdsLoginAttemptAction',
};
const USER_PATHS = [
  'resource.accessKeyDetails.userName',
  'resource.kubernetesDetails.kubernetesUserDetails.username',
  'resource.rdsDbUserDetails.user',
];
const FINDING_TYPE = /^[A-Za-z]+:[A-Za-z0-9]+\/[\w.!-]+/;

type Endpoints = Pick<NormalizedAlertFields, 'srcIp' | 'srcPort' | 'dstIp' | 'dstPort'>;

/** GuardDuty findings, bare or as the `detail` of an EventBridge event. */
export class GuardDutyConnector extends VendorConnector {
  readonly name = 'guardduty';

  recognizes(alert: JsonObject): boolean {
    const arn = typeof alert.arn === 'string' ? alert.arn : '';
    const isGuardDuty =
      arn.includes(':guardduty:') || getField(alert, 'service.serviceName') === 'guardduty';
    const type = typeof alert.type === 'string' ? alert.type : '';
    return (
      isGuardDuty || (FINDING_TYPE.test(type) && isJsonObject(getField(alert, 'service.action')))
    );
  }

  protected map(finding: JsonObject): NormalizedAlert {
    const type = readText(finding, 'type');
    return buildNormalizedAlert('guardduty', {
      title: readText(finding, 'title'),
      description: readText(finding, 'description'),
      eventTime: toUtcTimestamp(getField(finding, 'createdAt')),
      ...actionEndpoints(getField(finding, 'service.action')),
      hostname: null,
      username: readText(finding, ...USER_PATHS),
      ruleId: type,
      ruleName: type,
      severity: severityFromScale(
        asNumber(getField(finding, 'severity')),
        TEN_POINT_SEVERITY_BANDS,
        'continuous',
      ),
      tags: [
        ...(type ? [type.split(':')[0]] : []),
        ...readTexts(finding, 'resource.resourceType', 'service.action.actionType'),
      ],
    });
  }
}

/** Source and destination by action type; DNS requests and unknown directions have none. */
function actionEndpoints(action: JsonValue | undefined): Endpoints {
  const actionType = readText(action ?? {}, 'actionType') ?? '';
  const callerAction = CALLER_ACTIONS[actionType];
  if (callerAction) return { srcIp: remoteIp(getField(action, callerAction)) };
  if (actionType === 'NETWORK_CONNECTION') {
    return connectionEndpoints(getField(action, 'networkConnectionAction'));
  }
  if (actionType === 'PORT_PROBE') {
    const probes = asObjectList(getField(action, 'portProbeAction.portProbeDetails'));
    if (probes.length !== 1) return {};
    return {
      srcIp: remoteIp(probes[0]),
      dstIp: readFirst(
        probes[0],
        ['localIpDetails.ipAddressV4', 'localIpDetails.ipAddressV6'],
        endpointIp,
      ),
      dstPort: readPort(probes[0], 'localPortDetails.port'),
    };
  }
  return {};
}

function connectionEndpoints(connection: JsonValue | undefined): Endpoints {
  if (!connection) return {};
  const remote = {
    ip: remoteIp(connection),
    port: readPort(connection, 'remotePortDetails.port'),
  };
  const local = {
    ip: readFirst(
      connection,
      ['localIpDetails.ipAddressV4', 'localIpDetails.ipAddressV6'],
      endpointIp,
    ),
    port: readPort(connection, 'localPortDetails.port'),
  };
  const direction = readText(connection, 'connectionDirection')?.toUpperCase();
  if (direction === 'INBOUND') {
    return { srcIp: remote.ip, srcPort: remote.port, dstIp: local.ip, dstPort: local.port };
  }
  if (direction === 'OUTBOUND') {
    return { srcIp: local.ip, srcPort: local.port, dstIp: remote.ip, dstPort: remote.port };
  }
  return {};
}

function remoteIp(action: JsonValue | undefined): string | null {
  if (!action) return null;
  return readFirst(
    action,
    ['remoteIpDetails.ipAddressV4', 'remoteIpDetails.ipAddressV6'],
    endpointIp,
  );
}
