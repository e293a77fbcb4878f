import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { toIndicatorType } from '../../common/indicators/indicator-enum';
import { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import {
  AlertAnalysisService,
  AlertProcessingRepository,
  type NormalizedAlert,
  type ProcessingAlert,
  type StoredObservable,
} from '../../modules/alerts';
import { AllowlistService } from '../../modules/allowlist';
import { AssetsService } from '../../modules/assets';
import { CasesService } from '../../modules/cases';
import { EnrichmentService } from '../../modules/enrichment';
import { ScoringService } from '../../modules/scoring';
import { PlaybookTriggers } from '../playbooks/playbook-triggers';

/** Rounds of re-enrichment for an alert whose providers did not all answer. */
export const MAX_REENRICH_ROUNDS = 3;

export type PipelineResult =
  | { alertId: string; outcome: 'already-processed' }
  | { alertId: string; outcome: 'duplicate'; duplicateOf: string }
  | {
      alertId: string;
      outcome: 'scored';
      riskScore: number;
      severity: string;
      autoClosed: boolean;
      caseId: string | null;
    };

/**
 * The alert pipeline, the one place that knows the order of the steps: analyze (normalize,
 * extract and mark observables, deduplicate), enrich, score, then auto-close or open a case.
 * Every step can be repeated, so a job retried after a crash converges on the same result.
 */
@Injectable()
export class AlertPipeline {
  private readonly logger = new Logger('AlertPipeline');

  constructor(
    private readonly config: AppConfig,
    private readonly analysis: AlertAnalysisService,
    private readonly repository: AlertProcessingRepository,
    private readonly allowlist: AllowlistService,
    private readonly enrichment: EnrichmentService,
    private readonly assets: AssetsService,
    private readonly scoring: ScoringService,
    private readonly cases: CasesService,
    private readonly queue: QueueService,
    private readonly playbooks: PlaybookTriggers,
  ) {}

  async execute(alertId: string): Promise<PipelineResult> {
    const matcher = await this.allowlist.getMatcher();
    const analysed = await this.analysis.analyze(alertId, (o) => matcher.matches(o));
    if (analysed.kind === 'already-processed') return { alertId, outcome: 'already-processed' };
    if (analysed.kind === 'duplicate')
      return { alertId, outcome: 'duplicate', duplicateOf: analysed.duplicateOf };
    return this.assess(analysed.alert, analysed.normalized, analysed.observables, 0);
  }

  /** Re-enrichment of an alert whose providers did not all answer the first time. */
  async reassess(alertId: string, round: number): Promise<PipelineResult> {
    const analysed = await this.analysis.findAnalysed(alertId);
    if (!analysed) return { alertId, outcome: 'already-processed' };
    return this.assess(analysed.alert, analysed.normalized, analysed.observables, round);
  }

  private async assess(
    alert: ProcessingAlert,
    normalized: NormalizedAlert,
    observables: StoredObservable[],
    round: number,
  ): Promise<PipelineResult> {
    const fingerprint = alert.fingerprint!;
    const enrichment = await this.enrichment.enrichAlert(
      alert.id,
      observables.map((o) => ({
        id: o.id,
        type: toIndicatorType(o.type),
        value: o.value,
        internal: o.internal,
        allowlisted: o.allowlisted,
      })),
    );
    const result = this.scoring.score({
      sourceSeverity: normalized.sourceSeverity,
      sourceSeverityLabel: normalized.sourceSeverityLabel,
      observables: observables.map((o) => ({
        type: toIndicatorType(o.type),
        value: o.value,
        internal: o.internal,
        allowlisted: o.allowlisted,
        enrichments: enrichment.results.filter((r) => r.observableId === o.id),
      })),
      assetCriticality:
        (await this.assets.findCriticality(assetKeys(normalized, observables)))?.criticality ??
        null,
      previousOccurrences: await this.repository.countEarlierOccurrences(alert, fingerprint),
    });
    const decision = this.scoring.decide(result);
    // Missing intel is not a clean bill of health: no auto-close until every provider answered.
    const autoCloseReason =
      decision.autoClose && !enrichment.partial ? (decision.reason ?? 'Low risk') : null;
    // Follow-ups first, PROCESSED last: a job that dies in between is retried and converges
    // (both are idempotent), and nobody sees a processed alert still missing its case.
    if (enrichment.partial && round < MAX_REENRICH_ROUNDS)
      await this.scheduleReenrichment(alert.id, round + 1);
    let caseId = alert.caseId;
    if (decision.openCase && !caseId) {
      ({ caseId } = await this.cases.openOrAttachForAlert({
        id: alert.id,
        title: alert.title ?? normalized.title ?? 'Alert',
        severity: result.severity,
        riskScore: result.score,
        fingerprint,
      }));
      // cases returns the same case to a retried job, so a crash before this line converges.
      await this.repository.linkCase(alert.id, caseId);
    }
    // Once per (alert, playbook version): a retried job starts nothing twice.
    await this.playbooks.onAlertScored({
      alertId: alert.id,
      riskScore: result.score,
      severity: result.severity,
      scoreBreakdown: result.breakdown,
      caseId,
    });
    await this.repository.finish(alert.id, {
      riskScore: result.score,
      severity: result.severity,
      scoreBreakdown: result.breakdown,
      enrichmentPartial: enrichment.partial,
      autoCloseReason,
    });
    if (round > 0 && result.hasBadVerdict)
      await this.repository.reopenAutoClosed(
        alert.id,
        'Re-enrichment found malicious or suspicious intel',
      );
    return {
      alertId: alert.id,
      outcome: 'scored',
      riskScore: result.score,
      severity: result.severity,
      autoClosed: autoCloseReason !== null,
      caseId,
    };
  }

  private async scheduleReenrichment(alertId: string, round: number): Promise<void> {
    await this.queue.send(
      QueueName.ReenrichAlert,
      { alertId, round },
      {
        startAfter: this.config.reenrichDelaySeconds * 2 ** (round - 1),
        singletonKey: `${alertId}:${round}`,
      },
    );
    this.logger.debug(`Enrichment of ${alertId} was partial; round ${round} scheduled`);
  }
}

function assetKeys(
  normalized: NormalizedAlert,
  observables: StoredObservable[],
): { hostname?: string; ips: string[] } {
  const ips = observables
    .filter((o) => o.internal && (o.type === 'IPV4' || o.type === 'IPV6'))
    .map((o) => o.value);
  for (const ip of [normalized.srcIp, normalized.dstIp]) if (ip && !ips.includes(ip)) ips.push(ip);
  return { hostname: normalized.hostname ?? undefined, ips };
}
