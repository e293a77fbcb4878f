import { Injectable } from '@nestjs/common';
import type { Alert, Observable, Prisma } from '../../../generated/prisma/client';
import { AlertState, AlertStatus, type Severity } from '../../../generated/prisma/enums';
import { toObservableType } from '../../../common/types/indicator-enum';
import { PrismaService } from '../../../database/prisma.service';
import type { NormalizedAlert } from '../normalization/normalized-alert';
import type { ExtractedObservable } from '../observables/observable.types';

export interface AnalysedAlert {
  normalized: NormalizedAlert;
  title: string;
  externalId: string | null;
  fingerprint: string;
  observables: (ExtractedObservable & { allowlisted: boolean })[];
}

export type StoredAnalysis =
  { kind: 'duplicate'; duplicateOf: string } | { kind: 'original'; observables: Observable[] };

export interface ScoredOutcome {
  riskScore: number;
  severity: Severity;
  scoreBreakdown: Prisma.InputJsonValue;
  enrichmentPartial: boolean;
  autoCloseReason: string | null;
}

/** The alert pipeline's reads and writes; every write can be repeated by a retried job. */
@Injectable()
export class AlertProcessingRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Marks the alert PROCESSING, or returns null when it was already processed. */
  async claim(alertId: string): Promise<Alert | null> {
    const claimed = await this.prisma.alert.updateMany({
      where: { id: alertId, state: { not: AlertState.PROCESSED } },
      data: { state: AlertState.PROCESSING, processingStartedAt: new Date() },
    });
    return claimed.count === 0 ? null : this.prisma.alert.findUnique({ where: { id: alertId } });
  }

  /**
   * Stores the normalized view and observables. Under a lock on the fingerprint, an alert
   * that repeats an earlier one inside the window becomes its duplicate: the original counts
   * one more occurrence and this one is done.
   */
  async storeAnalysis(
    alert: Alert,
    analysis: AnalysedAlert,
    dedupWindowSeconds: number,
  ): Promise<StoredAnalysis> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`alert:${analysis.fingerprint}`}, 0))`;
      const original =
        dedupWindowSeconds > 0
          ? await this.findOriginal(tx, alert, analysis.fingerprint, dedupWindowSeconds)
          : null;
      await tx.observable.createMany({
        data: analysis.observables.map((observable) => ({
          alertId: alert.id,
          type: toObservableType(observable.type),
          value: observable.value,
          stixType: observable.stixType,
          internal: observable.internal,
          allowlisted: observable.allowlisted,
        })),
        skipDuplicates: true,
      });
      const analysed = {
        normalized: analysis.normalized as unknown as Prisma.InputJsonObject,
        title: analysis.title,
        externalId: analysis.externalId,
        fingerprint: analysis.fingerprint,
        eventTime: analysis.normalized.eventTime ? new Date(analysis.normalized.eventTime) : null,
        lastSeenAt: alert.receivedAt,
      };
      if (original) {
        await tx.alert.update({
          where: { id: original.id },
          data: { occurrences: { increment: 1 }, lastSeenAt: alert.receivedAt },
        });
        await tx.alert.update({
          where: { id: alert.id },
          data: {
            ...analysed,
            duplicateOfId: original.id,
            state: AlertState.PROCESSED,
            processedAt: new Date(),
            status: AlertStatus.CLOSED,
            closedAt: new Date(),
            closedReason: `Repeat of alert ${original.id} within the deduplication window`,
          },
        });
        return { kind: 'duplicate', duplicateOf: original.id };
      }
      await tx.alert.update({ where: { id: alert.id }, data: analysed });
      return {
        kind: 'original',
        observables: await tx.observable.findMany({ where: { alertId: alert.id } }),
      };
    });
  }

  findWithObservables(alertId: string): Promise<(Alert & { observables: Observable[] }) | null> {
    return this.prisma.alert.findUnique({ where: { id: alertId }, include: { observables: true } });
  }

  /** Repeats of this fingerprint before this alert (duplicates included), for the score. */
  countEarlierOccurrences(alert: Alert, fingerprint: string, sinceDays = 30): Promise<number> {
    return this.prisma.alert.count({
      where: {
        fingerprint,
        id: { not: alert.id },
        receivedAt: {
          lte: alert.receivedAt,
          gte: new Date(alert.receivedAt.getTime() - sinceDays * 86_400_000),
        },
      },
    });
  }

  /** Writes the score and decision; auto-close only touches an alert nobody has triaged yet. */
  async finish(alertId: string, outcome: ScoredOutcome): Promise<void> {
    const now = new Date();
    const writes: Prisma.PrismaPromise<unknown>[] = [
      this.prisma.alert.update({
        where: { id: alertId },
        data: {
          riskScore: outcome.riskScore,
          severity: outcome.severity,
          scoreBreakdown: outcome.scoreBreakdown,
          enrichmentPartial: outcome.enrichmentPartial,
          state: AlertState.PROCESSED,
          processedAt: now,
          processingError: null,
        },
      }),
    ];
    if (outcome.autoCloseReason) {
      writes.push(
        this.prisma.alert.updateMany({
          where: { id: alertId, status: AlertStatus.NEW },
          data: {
            status: AlertStatus.CLOSED,
            autoClosed: true,
            closedAt: now,
            closedReason: outcome.autoCloseReason,
          },
        }),
      );
    }
    await this.prisma.$transaction(writes);
  }

  /** An auto-closed alert whose evidence turned bad on re-enrichment goes back to the queue. */
  async reopenAutoClosed(alertId: string, reason: string): Promise<boolean> {
    const reopened = await this.prisma.alert.updateMany({
      where: { id: alertId, autoClosed: true, status: AlertStatus.CLOSED },
      data: { status: AlertStatus.NEW, autoClosed: false, closedAt: null, closedReason: reason },
    });
    return reopened.count > 0;
  }

  async markFailed(alertId: string, error: string): Promise<void> {
    await this.prisma.alert.updateMany({
      where: { id: alertId, state: { not: AlertState.PROCESSED } },
      data: { state: AlertState.FAILED, processingError: error.slice(0, 2000) },
    });
  }

  private findOriginal(
    tx: Prisma.TransactionClient,
    alert: Alert,
    fingerprint: string,
    windowSeconds: number,
  ) {
    return tx.alert.findFirst({
      where: {
        fingerprint,
        id: { not: alert.id },
        duplicateOfId: null,
        receivedAt: { gte: new Date(alert.receivedAt.getTime() - windowSeconds * 1000) },
        // An alert a person closed is a decision, not noise: repeats after it stand alone.
        NOT: {
          status: { in: [AlertStatus.CLOSED, AlertStatus.FALSE_POSITIVE] },
          autoClosed: false,
        },
      },
      orderBy: { receivedAt: 'asc' },
      select: { id: true },
    });
  }
}
