import { enginesReason, intelReason, maliciousEngines, type IntelFinding } from './intel-reason';
import type { ScoringWeights } from './scoring-weights';
import type { ScoreContribution, ScoringObservable } from './scoring.types';

export interface ThreatIntelAssessment {
  contributions: ScoreContribution[];
  hasBadVerdict: boolean;
}

const BAD_VERDICTS: ReadonlySet<string> = new Set(['malicious', 'suspicious']);

/**
 * The strongest verdict across providers and indicators counts once; more than
 * `strongEngineCount` VirusTotal engines add `strongEvidence` on top. Allow-listed indicators
 * are the operator's word that they are benign, so their intel is not consulted. Internal
 * ones are (they are normally not looked up, but a verdict on them is never ignored).
 */
export function assessThreatIntel(
  observables: readonly ScoringObservable[],
  weights: ScoringWeights,
): ThreatIntelAssessment {
  const consulted = observables.filter((o) => !o.allowlisted);
  const findings = consulted.flatMap((observable) =>
    observable.enrichments.map((enrichment) => ({ observable, enrichment })),
  );
  const hasBadVerdict = findings.some((f) => BAD_VERDICTS.has(f.enrichment.verdict));
  const malicious = strongest(findings, 'malicious');
  const suspicious = strongest(findings, 'suspicious');
  if (malicious || suspicious) {
    const [points, finding] = malicious
      ? [weights.malicious, malicious]
      : [weights.suspicious, suspicious!];
    const contributions = [
      intel(points, intelReason(finding)),
      ...strongEvidence(findings, weights),
    ];
    return { contributions, hasBadVerdict };
  }
  const external = consulted.filter((o) => !o.internal);
  return {
    contributions: external.length > 0 ? [cleanOrUnknown(external, weights)] : [],
    hasBadVerdict,
  };
}

function strongest(findings: IntelFinding[], verdict: string): IntelFinding | undefined {
  return findings
    .filter((f) => f.enrichment.verdict === verdict)
    .sort((a, b) => b.enrichment.reputationScore - a.enrichment.reputationScore)[0];
}

function strongEvidence(findings: IntelFinding[], weights: ScoringWeights): ScoreContribution[] {
  const top = findings
    .map((f) => ({ value: f.observable.value, engines: maliciousEngines(f.enrichment) }))
    .sort((a, b) => b.engines - a.engines)[0];
  if (!top || top.engines <= weights.strongEngineCount) return [];
  return [
    intel(weights.strongEvidence, `${enginesReason(top.engines, top.value)} (strong evidence)`),
  ];
}

function cleanOrUnknown(external: ScoringObservable[], weights: ScoringWeights): ScoreContribution {
  const unknown = external.filter((o) => !o.enrichments.some((e) => e.verdict === 'harmless'));
  if (unknown.length === 0) {
    return intel(
      -weights.harmlessDiscount,
      `Every external indicator is known harmless (${external.length})`,
    );
  }
  return intel(
    weights.unknownExternal,
    `${unknown.length} external indicator(s) with no reputation: ${unknown
      .slice(0, 3)
      .map((o) => o.value)
      .join(', ')}${unknown.length > 3 ? ', ...' : ''}`,
  );
}

function intel(points: number, reason: string): ScoreContribution {
  return { factor: 'threat_intel', points, reason };
}
