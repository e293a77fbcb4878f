import type { SeverityClass } from '../../common/indicators/severity';
import type { ScoringWeights } from './scoring-weights';
import type {
  Criticality,
  Decision,
  DecisionOptions,
  ScoreContribution,
  ScoreResult,
  ScoringInput,
  ScoringObservable,
} from './scoring.types';
import { assessThreatIntel } from './threat-intel.factor';

/** DESIGN.md: Info < 20 <= Low < 40 <= Medium < 70 <= High < 90 <= Critical. */
export function severityClass(score: number): SeverityClass {
  if (score >= 90) return 'CRITICAL';
  if (score >= 70) return 'HIGH';
  if (score >= 40) return 'MEDIUM';
  if (score >= 20) return 'LOW';
  return 'INFO';
}

/** Pure risk scoring: every point it gives is in the breakdown, with the reason. */
export class RiskScorer {
  constructor(private readonly weights: ScoringWeights) {}

  score(input: ScoringInput): ScoreResult {
    const external = input.observables.filter((o) => !o.internal && !o.allowlisted);
    const intel = assessThreatIntel(input.observables, this.weights);
    const breakdown = [
      this.sourceSeverity(input),
      ...intel.contributions,
      this.asset(input.assetCriticality),
      this.recurrence(input.previousOccurrences),
      this.context(input.observables, external),
    ]
      .filter((entry): entry is ScoreContribution => entry !== null)
      // Weights may be fractional (SCORE_WEIGHTS); the stored score is whole points.
      .map((entry) => ({ ...entry, points: Math.round(entry.points) || 0 }));
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
      hasBadVerdict: intel.hasBadVerdict,
      protectedAsset: input.assetCriticality === 'HIGH' || input.assetCriticality === 'CRITICAL',
    };
  }

  /**
   * Fails closed: bad intel, a HIGH/CRITICAL asset or a case-worthy severity keep the alert
   * open whatever SCORE_AUTO_CLOSE_BELOW says (it may be set as high as 100).
   */
  decide(result: ScoreResult, { autoCloseBelow }: DecisionOptions): Decision {
    const openCase = result.severity === 'HIGH' || result.severity === 'CRITICAL';
    const closable =
      !openCase && result.score < autoCloseBelow && !result.hasBadVerdict && !result.protectedAsset;
    if (!closable) return { autoClose: false, openCase };
    return {
      autoClose: true,
      openCase: false,
      reason: `Risk ${result.score} is below the auto-close threshold ${autoCloseBelow} and no provider flagged an indicator`,
    };
  }

  private sourceSeverity(input: ScoringInput): ScoreContribution {
    if (input.sourceSeverity === null || !Number.isFinite(input.sourceSeverity)) {
      return {
        factor: 'source_severity',
        points: this.weights.unknownSeverity,
        reason: 'The source gave no severity: neutral default',
      };
    }
    const hint = Math.min(100, Math.max(0, input.sourceSeverity));
    return {
      factor: 'source_severity',
      points: (hint * this.weights.sourcePercent) / 100,
      reason: `Source severity ${input.sourceSeverityLabel} (${hint}/100)`,
    };
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
      reason: `Affected asset has ${criticality} criticality`,
    };
  }

  private recurrence(previous: number): ScoreContribution | null {
    if (previous <= 0) return null;
    const points = Math.min(
      this.weights.recurrence,
      Math.round((this.weights.recurrence / 2) * Math.log10(1 + previous)),
    );
    return points > 0
      ? {
          factor: 'recurrence',
          points,
          reason: `Seen ${previous} time${previous === 1 ? '' : 's'} before`,
        }
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
