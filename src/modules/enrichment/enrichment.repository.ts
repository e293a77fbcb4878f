import { Injectable } from '@nestjs/common';
import { toIndicatorType, toObservableType } from '../../common/types/indicator-enum';
import type { Indicator } from '../../common/types/indicator';
import { PrismaService } from '../../database/prisma.service';
import { Prisma, type EnrichmentCache as CacheRow } from '../../generated/prisma/client';
import { Verdict as DbVerdict } from '../../generated/prisma/enums';
import type { ProviderName, ProviderResult, Verdict } from './providers/provider.types';

export interface CacheKey extends Indicator {
  provider: ProviderName;
}

export interface CachedAnswer {
  key: CacheKey;
  result: ProviderResult;
  expiresAt: Date;
}

export interface ResultRow {
  observableId: string;
  result: ProviderResult;
}

/** The enrichment tables: the shared answer cache and one result per (observable, provider). */
@Injectable()
export class EnrichmentRepository {
  constructor(private readonly prisma: PrismaService) {}

  async findCached(keys: readonly CacheKey[], now: Date): Promise<CachedAnswer[]> {
    if (keys.length === 0) return [];
    const rows = await this.prisma.enrichmentCache.findMany({
      where: {
        expiresAt: { gt: now },
        OR: keys.map(({ provider, type, value }) => ({
          provider,
          type: toObservableType(type),
          value,
        })),
      },
    });
    return rows.map(toCachedAnswer);
  }

  async writeCached(key: CacheKey, result: ProviderResult, expiresAt: Date): Promise<void> {
    const id = { provider: key.provider, type: toObservableType(key.type), value: key.value };
    const values = { ...answerColumns(result), expiresAt };
    await this.prisma.enrichmentCache.upsert({
      where: { provider_type_value: id },
      create: { ...id, ...values },
      update: values,
    });
  }

  /** Idempotent: a retried job rewrites the same rows. */
  async saveResults(rows: readonly ResultRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.prisma.$transaction(
      rows.map(({ observableId, result }) => {
        const values = answerColumns(result);
        return this.prisma.enrichmentResult.upsert({
          where: { observableId_provider: { observableId, provider: result.provider } },
          create: { observableId, provider: result.provider, ...values },
          update: values,
        });
      }),
    );
  }

  async purgeExpired(now: Date): Promise<number> {
    const { count } = await this.prisma.enrichmentCache.deleteMany({
      where: { expiresAt: { lt: now } },
    });
    return count;
  }
}

function answerColumns(result: ProviderResult) {
  return {
    verdict: toDbVerdict(result.verdict),
    reputationScore: result.reputationScore,
    summary: result.summary,
    details: result.details as Prisma.InputJsonObject,
    raw:
      result.raw === null || result.raw === undefined
        ? Prisma.DbNull
        : (result.raw as Prisma.InputJsonValue),
    mock: result.mock,
    queriedAt: result.queriedAt,
  };
}

function toCachedAnswer(row: CacheRow): CachedAnswer {
  const provider = row.provider as ProviderName;
  return {
    key: { provider, type: toIndicatorType(row.type), value: row.value },
    result: {
      provider,
      verdict: row.verdict.toLowerCase() as Verdict,
      reputationScore: row.reputationScore,
      summary: row.summary,
      details: (row.details ?? {}) as Record<string, unknown>,
      raw: row.raw,
      mock: row.mock,
      queriedAt: row.queriedAt,
    },
    expiresAt: row.expiresAt,
  };
}

function toDbVerdict(verdict: Verdict): DbVerdict {
  return DbVerdict[verdict.toUpperCase() as keyof typeof DbVerdict];
}
