import { Injectable } from '@nestjs/common';
import type { Alert, Observable } from '../../../generated/prisma/client';
import { AlertState, type Severity } from '../../../generated/prisma/enums';
import { toObservableType } from '../../../common/indicators/indicator-enum';
import { Database } from '../../../database/database';
import { inLockedTransaction } from '../../../database/pg-transaction';
import { PrismaService } from '../../../database/prisma.service';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import type { ExtractedObservable } from '../observables/observable.types';
import {
  CLAIM_ALERT,
  COUNT_EARLIER_OCCURRENCES,
  COUNT_REPEAT,
  FIND_ORIGINAL,
  FINISH,
  LINK_CASE,
  REOPEN_AUTO_CLOSED,
  STORE_ANALYSIS,
  STORE_DUPLICATE,
  STORE_OBSERVABLES,
} from './alert-processing.sql';

export interface AnalysedAlert {
  normalized: NormalizedAlert;
  title: string;
  externalId: string | null;
  fingerprint: string;
  observables: (ExtractedObservable & { allowlisted: boolean })[];
}

/** The alert columns the pipeline reads. */
export type ProcessingAlert = Pick<
  Alert,
  'id' | 'source' | 'connector' | 'rawPayload' | 'receivedAt' | 'title' | 'caseId' | 'fingerprint'
>;

export type StoredObservable = Pick<
  Observable,
  'id' | 'type' | 'value' | 'internal' | 'allowlisted'
>;

export type StoredAnalysis =
  | { kind: 'duplicate'; duplicateOf: string }
  | { kind: 'original'; observables: StoredObservable[] };

export interface ScoredOutcome {
  riskScore: number;
  severity: Severity;
  scoreBreakdown: unknown;
  enrichmentPartial: boolean;
  autoCloseReason: string | null;
}

/** The alert pipeline's reads and writes; every write can be repeated by a retried job. */
@Injectable()
export class AlertProcessingRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly database: Database,
  ) {}

  /** Marks the alert PROCESSING, or returns null when it was already processed. */
  async claim(alertId: string): Promise<ProcessingAlert | null> {
    const { rows } = await this.database.pool.query<ProcessingAlert>(CLAIM_ALERT, [alertId]);
    return rows[0] ?? null;
  }

  /**
   * Stores the normalized view and observables. Under a lock on the fingerprint, an alert
   * that repeats an earlier one inside the window, and brings no observable that one lacks,
   * becomes its duplicate: the original counts one more occurrence and this one is done.
   */
  storeAnalysis(
    alert: ProcessingAlert,
    analysis: AnalysedAlert,
    dedupWindowSeconds: number,
  ): Promise<StoredAnalysis> {
    return inLockedTransaction(
      this.database.pool,
      `alert:${analysis.fingerprint}`,
      async (client) => {
        const windowStart = new Date(alert.receivedAt.getTime() - dedupWindowSeconds * 1000);
        const columns = observableColumns(alert.id, analysis.observables);
        const [, types, values] = columns;
        const original =
          dedupWindowSeconds > 0
            ? (
                await client.query<{ id: string }>(FIND_ORIGINAL, [
                  analysis.fingerprint,
                  alert.id,
                  windowStart,
                  types,
                  values,
                ])
              ).rows[0]
            : undefined;
        const { rows: observables } = await client.query<StoredObservable>(
          STORE_OBSERVABLES,
          columns,
        );
        const analysed = [
          alert.id,
          JSON.stringify(analysis.normalized),
          analysis.title,
          analysis.externalId,
          analysis.fingerprint,
          analysis.normalized.eventTime ? new Date(analysis.normalized.eventTime) : null,
          alert.receivedAt,
        ];
        if (!original) {
          await client.query(STORE_ANALYSIS, analysed);
          return { kind: 'original', observables };
        }
        await client.query(COUNT_REPEAT, [original.id, alert.receivedAt]);
        await client.query(STORE_DUPLICATE, [
          ...analysed,
          original.id,
          `Repeat of alert ${original.id} within the deduplication window`,
        ]);
        return { kind: 'duplicate', duplicateOf: original.id };
      },
    );
  }

  findWithObservables(alertId: string): Promise<(Alert & { observables: Observable[] }) | null> {
    return this.prisma.alert.findUnique({ where: { id: alertId }, include: { observables: true } });
  }

  /** Repeats of this fingerprint before this alert (duplicates included), for the score. */
  async countEarlierOccurrences(
    alert: ProcessingAlert,
    fingerprint: string,
    sinceDays = 30,
  ): Promise<number> {
    const since = new Date(alert.receivedAt.getTime() - sinceDays * 86_400_000);
    const { rows } = await this.database.pool.query<{ n: number }>(COUNT_EARLIER_OCCURRENCES, [
      fingerprint,
      alert.id,
      alert.receivedAt,
      since,
    ]);
    return rows[0].n;
  }

  /** Writes the score and decision; auto-close only touches an alert nobody has triaged yet. */
  async finish(alertId: string, outcome: ScoredOutcome): Promise<void> {
    await this.database.pool.query(FINISH, [
      alertId,
      outcome.riskScore,
      outcome.severity,
      JSON.stringify(outcome.scoreBreakdown),
      outcome.enrichmentPartial,
      outcome.autoCloseReason,
    ]);
  }

  async linkCase(alertId: string, caseId: string): Promise<void> {
    await this.database.pool.query(LINK_CASE, [alertId, caseId]);
  }

  /** An auto-closed alert whose evidence turned bad on re-enrichment goes back to the queue. */
  async reopenAutoClosed(alertId: string, reason: string): Promise<boolean> {
    const reopened = await this.database.pool.query(REOPEN_AUTO_CLOSED, [alertId, reason]);
    return (reopened.rowCount ?? 0) > 0;
  }

  /** A failed alert whose job an operator retried waits as RECEIVED until the job runs. */
  async markRequeued(alertId: string): Promise<void> {
    await this.prisma.alert.updateMany({
      where: { id: alertId, state: AlertState.FAILED },
      data: { state: AlertState.RECEIVED, processingError: null },
    });
  }

  async markFailed(alertId: string, error: string): Promise<void> {
    await this.prisma.alert.updateMany({
      where: { id: alertId, state: { not: AlertState.PROCESSED } },
      data: { state: AlertState.FAILED, processingError: error.slice(0, 2000) },
    });
  }
}

function observableColumns(alertId: string, observables: AnalysedAlert['observables']): unknown[] {
  return [
    alertId,
    observables.map((o) => toObservableType(o.type)),
    observables.map((o) => o.value),
    observables.map((o) => o.stixType),
    observables.map((o) => o.internal),
    observables.map((o) => o.allowlisted),
  ];
}
