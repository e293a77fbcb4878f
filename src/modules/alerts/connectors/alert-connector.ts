import { isJsonObject, type JsonObject } from '../../../common/types/json';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import { findWrappedAlert } from './alert-envelope';

/** One vendor format: recognises its alerts and maps them onto the normalized schema. */
export interface AlertConnector {
  /** Stable name: the webhook path segment, or the format name the generic connector reports. */
  readonly name: string;
  /** True when this object (already unwrapped) has the vendor's alert shape. */
  recognizes(alert: JsonObject): boolean;
  /** Maps the payload, first unwrapping any envelope around the vendor's own format. */
  normalize(payload: JsonObject): NormalizedAlert;
}

/** Base of vendor connectors: unwraps envelopes around the vendor's format, then maps it. */
export abstract class VendorConnector implements AlertConnector {
  abstract readonly name: string;

  abstract recognizes(alert: JsonObject): boolean;

  protected abstract map(alert: JsonObject): NormalizedAlert;

  normalize(payload: JsonObject): NormalizedAlert {
    const alert = findWrappedAlert(payload, (candidate) => this.recognizes(candidate));
    const source = payload._source;
    return this.map(alert ?? (isJsonObject(source) ? source : payload));
  }
}
