import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';

/** STIX 2.1 cyber-observable object type of each indicator type (hashes describe a `file`). */
export const STIX_TYPE_BY_INDICATOR = {
  ipv4: 'ipv4-addr',
  ipv6: 'ipv6-addr',
  domain: 'domain-name',
  url: 'url',
  md5: 'file',
  sha1: 'file',
  sha256: 'file',
  email: 'email-addr',
} as const satisfies Record<IndicatorType, string>;

export type StixObservableType = (typeof STIX_TYPE_BY_INDICATOR)[IndicatorType];

export interface ExtractedObservable extends Indicator {
  stixType: StixObservableType;
  /** Private/loopback/link-local/CGNAT/unique-local, or inside a configured internal range/domain. */
  internal: boolean;
}

export interface ObservableExtractionOptions {
  internalCidrs: readonly string[];
  internalDomains: readonly string[];
}
