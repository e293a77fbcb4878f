import type { ScoredEnrichment, ScoringObservable } from './scoring.types';

export interface IntelFinding {
  observable: ScoringObservable;
  enrichment: ScoredEnrichment;
}

const PROVIDER_LABELS: Record<string, string> = {
  virustotal: 'VirusTotal',
  abuseipdb: 'AbuseIPDB',
  otx: 'AlienVault OTX',
  rdap: 'RDAP',
  feeds: 'Threat feeds',
  mock: 'Mock intel',
};

export function providerLabel(enrichment: ScoredEnrichment): string {
  const label = PROVIDER_LABELS[enrichment.provider] ?? enrichment.provider;
  return enrichment.mock ? `${label} [mock, not real threat intelligence]` : label;
}

/** VirusTotal's count of engines calling the indicator malicious (0 for other providers). */
export function maliciousEngines(enrichment: ScoredEnrichment): number {
  if (enrichment.provider !== 'virustotal' || enrichment.mock) return 0;
  const count = Number(enrichment.details.malicious);
  return Number.isFinite(count) && count > 0 ? Math.floor(count) : 0;
}

export function enginesReason(engines: number, value: string): string {
  return `VirusTotal: ${engines} engine${engines === 1 ? ' flags' : 's flag'} ${value} as malicious`;
}

/** "VirusTotal: 4 engines flag 203.0.113.7 as malicious", "AbuseIPDB: 198.51.100.2 is suspicious (...)". */
export function intelReason({ observable, enrichment }: IntelFinding): string {
  const engines = maliciousEngines(enrichment);
  if (engines > 0 && enrichment.verdict === 'malicious')
    return enginesReason(engines, observable.value);
  const summary = enrichment.summary && !enrichment.mock ? ` (${enrichment.summary})` : '';
  return `${providerLabel(enrichment)}: ${observable.value} is ${enrichment.verdict}${summary}`;
}
