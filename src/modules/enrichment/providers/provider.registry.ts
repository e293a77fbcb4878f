import { ABUSEIPDB_PROVIDER } from './abuseipdb.provider';
import { FEEDS_PROVIDER } from './feeds.provider';
import { MOCK_PROVIDER } from './mock.provider';
import { OTX_PROVIDER } from './otx.provider';
import type { ProviderDefinition } from './provider-definition';
import { RDAP_PROVIDER } from './rdap.provider';
import { VIRUSTOTAL_PROVIDER } from './virustotal.provider';

/** Adding a vendor: its provider file (class plus definition) and one line here. */
export const PROVIDER_DEFINITIONS: readonly ProviderDefinition[] = [
  VIRUSTOTAL_PROVIDER,
  ABUSEIPDB_PROVIDER,
  OTX_PROVIDER,
  RDAP_PROVIDER,
  FEEDS_PROVIDER,
  MOCK_PROVIDER,
];

export function providerDefinition(name: string): ProviderDefinition {
  const definition = PROVIDER_DEFINITIONS.find((candidate) => candidate.name === name);
  if (!definition) throw new RangeError(`Unknown provider ${name}`);
  return definition;
}
