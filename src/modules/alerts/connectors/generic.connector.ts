import type { JsonObject, JsonPrimitive } from '../../../common/types/json';
import { endpointIp } from '../../../common/indicators/ip-address';
import { FieldIndex } from '../normalization/field-index';
import { asNumber, asPort, asText } from '../normalization/field-lookup';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { buildNormalizedAlert } from '../normalization/normalized-alert.factory';
import {
  labelFromWord,
  severityFromScale,
  severityFromWord,
  severityFromWordAndScore,
  TEN_POINT_SEVERITY_BANDS,
  type SourceSeverity,
} from '../normalization/severity';
import { toUtcTimestamp } from '../normalization/timestamp';
import type { AlertConnector } from './alert-connector';
import { envelopeCandidates } from './alert-envelope';
import {
  GENERIC_CONTAINERS,
  GENERIC_FIELD_NAMES as NAMES,
  PROTOCOL_PARENTS,
  SELF_ADDRESS_PARENTS,
} from './generic-field-names';

const MAX_TAGS = 50;

export interface RecognizedAlert {
  connector: AlertConnector;
  alert: JsonObject;
}

/**
 * Any JSON alert: delegates to the connector whose format it recognises (also inside common
 * envelopes), otherwise maps well-known field-name variants found at any depth.
 */
export class GenericConnector implements AlertConnector {
  readonly name = 'generic';

  constructor(private readonly knownFormats: readonly AlertConnector[]) {}

  recognizes(): boolean {
    return true;
  }

  /** The known format of the payload or of an alert wrapped in it, outermost first. */
  identify(payload: JsonObject): RecognizedAlert | null {
    for (const alert of envelopeCandidates(payload)) {
      const connector = this.knownFormats.find((candidate) => candidate.recognizes(alert));
      if (connector) return { connector, alert };
    }
    return null;
  }

  normalize(payload: JsonObject): NormalizedAlert {
    const recognized = this.identify(payload);
    return recognized
      ? recognized.connector.normalize(recognized.alert)
      : mapHeuristically(payload);
  }
}

function mapHeuristically(payload: JsonObject): NormalizedAlert {
  const index = FieldIndex.build(payload);
  const inAlert = { containers: GENERIC_CONTAINERS };
  const notSelf = {
    containers: GENERIC_CONTAINERS,
    excludedAncestors: SELF_ADDRESS_PARENTS,
    singleValuesOnly: true,
  };
  const text = (names: readonly string[]) => index.find(names, asText, inAlert);
  const ruleName = text(NAMES.ruleName);
  return buildNormalizedAlert('generic', {
    title: text(NAMES.title) ?? ruleName,
    description: text(NAMES.description),
    eventTime: index.find(NAMES.eventTime, toUtcTimestamp, inAlert),
    srcIp: index.find(NAMES.srcIp, endpointIp, notSelf),
    srcPort: index.find(NAMES.srcPort, asPort, notSelf),
    dstIp: index.find(NAMES.dstIp, endpointIp, notSelf),
    dstPort: index.find(NAMES.dstPort, asPort, notSelf),
    hostname: index.find(NAMES.hostname, asText, {
      containers: GENERIC_CONTAINERS,
      excludedAncestors: PROTOCOL_PARENTS,
    }),
    username: text(NAMES.username),
    ruleId: text(NAMES.ruleId),
    ruleName,
    severity: index.find(NAMES.severity, genericSeverity, inAlert) ?? undefined,
    tags: index.findAll(NAMES.tags, asText, inAlert).slice(0, MAX_TAGS),
  });
}

/** A severity word, a 0-10 score or a 0-100 score. */
function genericSeverity(value: JsonPrimitive): SourceSeverity | null {
  const word = asText(value);
  if (labelFromWord(word)) return severityFromWord(word);
  const score = asNumber(value);
  if (score === null || score < 0 || score > 100) return null;
  return score <= 10
    ? severityFromScale(score, TEN_POINT_SEVERITY_BANDS, 'continuous')
    : severityFromWordAndScore(null, score);
}
