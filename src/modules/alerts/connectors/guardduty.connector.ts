import { isJsonObject, type JsonObject, type JsonValue } from '../../../common/types/json';
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
/** Deep enough for every field the mapping reads (`service.action.*.remoteIpDetails.*`). */
const MAX_KEY_DEPTH = 8;

export type Endpoints = Pick<NormalizedAlertFields, 'srcIp' | 'srcPort' | 'dstIp' | 'dstPort'>;

/**
 * GuardDuty findings, bare or as the `detail` of an EventBridge event, with the API's camelCase
 * keys or the PascalCase keys of the AWS SDKs (boto3 `get_findings`: `Service.Action.ActionType`);
 * also as imported into Security Hub (ASFF: `ProductArn .../aws/guardduty`, `Severity.Product`).
 */
export class GuardDutyConnector extends VendorConnector {
  readonly name = 'guardduty';

  recognizes(payload: JsonObject): boolean {
    const alert = camelCaseKeys(payload, 2);
    const arn = typeof alert.arn === 'string' ? alert.arn : '';
    const isGuardDuty =
      arn.includes(':guardduty:') || getField(alert, 'service.serviceName') === 'guardduty';
    const type = typeof alert.type === 'string' ? alert.type : '';
    const productArn = typeof alert.productArn === 'string' ? alert.productArn : '';
    return (
      isGuardDuty ||
      productArn.endsWith('/aws/guardduty') ||
      (FINDING_TYPE.test(type) && isJsonObject(getField(alert, 'service.action')))
    );
  }

  protected map(payload: JsonObject): NormalizedAlert {
    const finding = camelCaseKeys(payload, MAX_KEY_DEPTH);
    const type = readText(finding, 'type');
    const action = getField(finding, 'service.action');
    return buildNormalizedAlert('guardduty', {
      title: readText(finding, 'title'),
      description: readText(finding, 'description'),
      eventTime: toUtcTimestamp(getField(finding, 'createdAt')),
      ...(action ? actionEndpoints(action) : asffNetworkEndpoints(finding)),
      hostname: null,
      username: readText(finding, ...USER_PATHS),
      ruleId: type,
      ruleName: type,
      severity: severityFromScale(
        asNumber(getField(finding, 'severity')) ?? asNumber(getField(finding, 'severity.product')),
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

/**
 * Source and destination of a finding's `service.action` by action type; DNS requests and
 * unknown directions have none. Also used for findings forwarded by Wazuh (`data.aws`).
 */
export function actionEndpoints(action: JsonValue | undefined): Endpoints {
  const actionType = readText(action ?? {}, 'actionType') ?? '';
  const callerAction = CALLER_ACTIONS[actionType];
  if (callerAction) return { srcIp: remoteIp(getField(action, callerAction)) };
  if (actionType === 'NETWORK_CONNECTION') {
    return connectionEndpoints(getField(action, 'networkConnectionAction'));
  }
  if (actionType === 'PORT_PROBE') {
    // Wazuh's GuardDuty reader splits the list and stores each probe as a single object.
    const details = getField(action, 'portProbeAction.portProbeDetails');
    const probes = isJsonObject(details) ? [details] : asObjectList(details);
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

/**
 * ASFF `Network`: Security Hub has already resolved the direction into source and destination.
 * DNS requests still have none, as in the GuardDuty format.
 */
function asffNetworkEndpoints(finding: JsonObject): Endpoints {
  const network = getField(finding, 'network');
  const actionType = readText(finding, 'productFields.aws/guardduty/service/action/actionType');
  if (!network || actionType === 'DNS_REQUEST') return {};
  return {
    srcIp: readFirst(network, ['sourceIpV4', 'sourceIpV6'], endpointIp),
    srcPort: readPort(network, 'sourcePort'),
    dstIp: readFirst(network, ['destinationIpV4', 'destinationIpV6'], endpointIp),
    dstPort: readPort(network, 'destinationPort'),
  };
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

/** The object with every key's first letter lowercased (`IpAddressV4` -> `ipAddressV4`), to `depth`. */
function camelCaseKeys(object: JsonObject, depth: number): JsonObject {
  const convert = (value: JsonValue, left: number): JsonValue => {
    if (left === 0) return value;
    if (Array.isArray(value)) return value.map((item) => convert(item, left - 1));
    if (!isJsonObject(value)) return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [
        key.charAt(0).toLowerCase() + key.slice(1),
        convert(child, left - 1),
      ]),
    );
  };
  return convert(object, depth) as JsonObject;
}
