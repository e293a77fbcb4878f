import type {
  Criticality,
  Decision,
  ScoreContribution,
  ScoredEnrichment,
  ScoreResult,
  ScoringInput,
  ScoringObservable,
  SeverityClass,
} from './scoring.types';
import type { ScoringWeights } from './scoring-weights';

/** DESIGN.md: Info < 20 <= Low < 40 <= Medium < 70 <= High < 90 <= Critical. */
export function severityClass(score: number): SeverityClass {
  if (score >= 90) return 'CRITICAL';
  if (score >= 70) return 'HIGH';
  if (score >= 40) return 'MEDIUM';
  if (score >= 20) return 'LOW';
  return 'INFO';
}

interface Finding {
  observable: ScoringObservable;
  enrichment: ScoredEnrichment;
}

const BAD_VERDICTS = new Set(['malicious', 'suspicious']);

/** Pure risk scoring: every point it gives is in the breakdown, with the reason. */
export class RiskScorer {
  constructor(private readonly weights: ScoringWeights) {}

  score(input: ScoringInput): ScoreResult {
    const external = input.observables.filter((o) => !o.internal && !o.allowlisted);
    const breakdown = [
      this.sourceSeverity(input),
      ...this.threatIntel(external),
      this.asset(input.assetCriticality),
      this.recurrence(input.previousOccurrences),
      this.context(input.observables, external),
    ].filter((entry): entry is ScoreContribution => entry !== null);
    const raw = breakdown.reduce((sum, entry) => sum + entry.points, 0);
    const score = Math.min(100, Math.max(0, raw));
    if (score !== raw)
      breakdown.push({
        factor: 'cap',
        points: score - raw,
        reason: `Capped to the 0-100 scale (was ${raw})`,
      });
    return {
      score,
      severity: severityClass(score),
      breakdown,
      hasBadVerdict: external.some((o) => o.enrichments.some((e) => BAD_VERDICTS.has(e.verdict))),
      protectedAsset: input.assetCriticality === 'HIGH' || input.assetCriticality === 'CRITICAL',
    };
  }

  decide(result: ScoreResult, autoCloseBelow: number): Decision {
    const openCase = result.severity === 'HIGH' || result.severity === 'CRITICAL';
    if (result.score < autoCloseBelow && !result.hasBadVerdict && !result.protectedAsset) {
      return {
        autoClose: true,
        openCase,
        reason: `Risk ${result.score} is below the auto-close threshold ${autoCloseBelow} and no provider flagged an indicator`,
      };
    }
    return { autoClose: false, openCase };
  }

  private sourceSeverity(input: ScoringInput): ScoreContribution {
    if (input.sourceSeverity === null) {
      return {
        factor: 'source_severity',
        points: this.weights.unknownSeverity,
        reason: 'The source gave no severity: neutral default',
      };
    }
    const hint = Math.min(100, Math.max(0, input.sourceSeverity));
    return {
      factor: 'source_severity',
      points: Math.round((hint * this.weights.sourcePercent) / 100),
      reason: `Source severity ${input.sourceSeverityLabel} (${hint}/100)`,
    };
  }

  private threatIntel(external: ScoringObservable[]): ScoreContribution[] {
    const findings = external.flatMap((observable) =>
      observable.enrichments.map((enrichment) => ({ observable, enrichment })),
    );
    const strongest = (verdict: string) =>
      findings
        .filter((f) => f.enrichment.verdict === verdict)
        .sort((a, b) => b.enrichment.reputationScore - a.enrichment.reputationScore)[0];
    const malicious = strongest('malicious');
    if (malicious)
      return [
        intel(this.weights.malicious, 'malicious', malicious),
        ...this.strongEvidence(findings),
      ];
    const suspicious = strongest('suspicious');
    if (suspicious) return [intel(this.weights.suspicious, 'suspicious', suspicious)];
    if (external.length === 0) return [];
    const known = external.filter((o) => o.enrichments.some((e) => e.verdict === 'harmless'));
    if (known.length === external.length) {
      return [
        {
          factor: 'threat_intel',
          points: -this.weights.harmlessDiscount,
          reason: `Every external indicator is known harmless (${external.length})`,
        },
      ];
    }
    return [
      {
        factor: 'threat_intel',
        points: this.weights.unknownExternal,
        reason: `${external.length - known.length} external indicator(s) with no reputation`,
      },
    ];
  }

  private strongEvidence(findings: Finding[]): ScoreContribution[] {
    const engines = findings
      .filter((f) => f.enrichment.provider === 'virustotal')
      .map((f) => ({
        value: f.observable.value,
        count: Number(f.enrichment.details.malicious ?? 0),
      }))
      .sort((a, b) => b.count - a.count)[0];
    if (!engines || engines.count <= this.weights.strongEngineCount) return [];
    return [
      {
        factor: 'threat_intel',
        points: this.weights.strongEvidence,
        reason: `VirusTotal: ${engines.count} engines flag ${engines.value} as malicious (strong evidence)`,
      },
    ];
  }

  private asset(criticality: Criticality | null): ScoreContribution | null {
    if (!criticality || criticality === 'LOW') return null;
    const points = {
      MEDIUM: this.weights.assetMedium,
      HIGH: this.weights.assetHigh,
      CRITICAL: this.weights.assetCritical,
    }[criticality];
    return {
      factor: 'asset_criticality',
      points,
      reason: `Affected asset is ${criticality.toLowerCase()} criticality`,
    };
  }

  private recurrence(previous: number): ScoreContribution | null {
    if (previous <= 0) return null;
    const points = Math.min(
      this.weights.recurrence,
      Math.round((this.weights.recurrence / 2) * Math.log10(1 + previous)),
    );
    return points > 0
      ? { factor: 'recurrence', points, reason: `Seen ${previous} time(s) before` }
      : null;
  }

  private context(
    all: ScoringObservable[],
    external: ScoringObservable[],
  ): ScoreContribution | null {
    if (all.length === 0 || external.length > 0) return null;
    if (all.some((o) => o.allowlisted && !o.internal)) {
      return {
        factor: 'allowlist',
        points: -this.weights.allowlistedDiscount,
        reason: 'Every external indicator is allow-listed',
      };
    }
    return {
      factor: 'exposure',
      points: -this.weights.internalOnlyDiscount,
      reason: 'Only internal indicators: no external party involved',
    };
  }
}

function intel(points: number, verdict: string, finding: Finding): ScoreContribution {
  const { provider, mock } = finding.enrichment;
  const label = mock ? `${provider} (mock)` : provider;
  return {
    factor: 'threat_intel',
    points,
    reason: `${label}: ${finding.observable.value} is ${verdict}`,
  };
}
