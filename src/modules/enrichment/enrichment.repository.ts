import { Injectable } from '@nestjs/common';
import { toIndicatorType, toObservableType } from '../../common/indicators/indicator-enum';
import type { Indicator } from '../../common/indicators/indicator';
import { Database } from '../../database/database';
import { PrismaService } from '../../database/prisma.service';
import { Prisma, type EnrichmentCache as CacheRow } from '../../generated/prisma/client';
import { Verdict as DbVerdict } from '../../generated/prisma/enums';
import type { Verdict } from '../../common/indicators/verdict';
import type { ProviderName, ProviderResult } from './providers/provider.types';

const UPSERT_RESULTS = `
  INSERT INTO enrichment_results
         (id, observable_id, provider, verdict, reputation_score, summary, details, raw, mock, queried_at)
  SELECT gen_random_uuid(), observable_id, provider, verdict, reputation_score, summary, details, raw, mock, queried_at
    FROM unnest($1::uuid[], $2::text[], $3::"Verdict"[], $4::float8[], $5::text[], $6::jsonb[],
                $7::jsonb[], $8::boolean[], $9::timestamptz[])
      AS r(observable_id, provider, verdict, reputation_score, summary, details, raw, mock, queried_at)
  ON CONFLICT (observable_id, provider) DO UPDATE SET
         verdict = excluded.verdict, reputation_score = excluded.reputation_score,
         summary = excluded.summary, details = excluded.details, raw = excluded.raw,
         mock = excluded.mock, queried_at = excluded.queried_at`;

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
  constructor(
    private readonly prisma: PrismaService,
    private readonly database: Database,
  ) {}

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

  /** Idempotent: a retried job rewrites the same rows. One statement, off the ORM's hot path. */
  async saveResults(rows: readonly ResultRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.database.pool.query(UPSERT_RESULTS, [
      rows.map((row) => row.observableId),
      rows.map((row) => row.result.provider),
      rows.map((row) => toDbVerdict(row.result.verdict)),
      rows.map((row) => row.result.reputationScore),
      rows.map((row) => row.result.summary),
      rows.map((row) => JSON.stringify(row.result.details)),
      rows.map((row) => (row.result.raw == null ? null : JSON.stringify(row.result.raw))),
      rows.map((row) => row.result.mock),
      rows.map((row) => row.result.queriedAt),
    ]);
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
  const provider = row.provider;
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
