import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { Database } from '../../database/database';
import { PrismaService } from '../../database/prisma.service';
import type { Alert } from '../../generated/prisma/client';
import type { Severity } from '../../generated/prisma/enums';
import type { IndicatorType } from '../../common/indicators/indicator';
import type { EnrichmentDto } from './dto/alert.dto';

/** One indicator seen in a case's alerts, with the latest verdict of each provider. */
export interface CaseObservable {
  type: IndicatorType;
  value: string;
  internal: boolean;
  allowlisted: boolean;
  alertCount: number;
  firstSeen: Date;
  lastSeen: Date;
  latestVerdicts: EnrichmentDto[];
}

/** An alert about to be linked: the case it is in already, and its severity. */
export interface LinkCandidate {
  id: string;
  caseId: string | null;
  severity: Severity | null;
}

const LOCK_FOR_LINK = `
SELECT id, case_id AS "caseId", severity FROM alerts WHERE id = ANY($1::uuid[]) FOR UPDATE`;

const LINK_TO_CASE = `
UPDATE alerts SET case_id = $2, updated_at = now() WHERE id = ANY($1::uuid[]) AND case_id IS NULL`;

const MOVE_TO_CASE = `
UPDATE alerts SET case_id = $2, updated_at = now() WHERE case_id = $1 RETURNING id`;

/** Distinct indicators of the case's alerts; verdicts are the newest per provider anywhere. */
const CASE_OBSERVABLES = `
WITH seen AS (
  SELECT o.type, o.value, bool_or(o.internal) AS internal, bool_or(o.allowlisted) AS allowlisted,
         count(DISTINCT o.alert_id)::int AS "alertCount",
         min(o.created_at) AS "firstSeen", max(o.created_at) AS "lastSeen"
    FROM observables o JOIN alerts a ON a.id = o.alert_id
   WHERE a.case_id = $1
   GROUP BY o.type, o.value)
SELECT lower(seen.type::text) AS type, seen.value, seen.internal, seen.allowlisted,
       seen."alertCount", seen."firstSeen", seen."lastSeen",
       coalesce(verdicts.list, '[]'::jsonb) AS "latestVerdicts"
  FROM seen
  LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
             'provider', r.provider, 'verdict', lower(r.verdict::text),
             'reputationScore', r.reputation_score, 'summary', r.summary, 'mock', r.mock,
             'queriedAt', r.queried_at) ORDER BY r.provider) AS list
      FROM (SELECT DISTINCT ON (r.provider) r.*
              FROM enrichment_results r JOIN observables o ON o.id = r.observable_id
             WHERE o.type = seen.type AND o.value = seen.value
             ORDER BY r.provider, r.queried_at DESC) AS r) AS verdicts ON true
 ORDER BY seen."firstSeen", seen.type, seen.value`;

/**
 * The alerts a case holds. The cases module links and moves them through these methods (on
 * its own transaction's client), since only this module writes the alerts table.
 */
@Injectable()
export class AlertCasesRepository {
  constructor(
    private readonly database: Database,
    private readonly prisma: PrismaService,
  ) {}

  async lockForLink(client: PoolClient, alertIds: string[]): Promise<LinkCandidate[]> {
    if (alertIds.length === 0) return [];
    return (await client.query<LinkCandidate>(LOCK_FOR_LINK, [alertIds])).rows;
  }

  async linkToCase(client: PoolClient, alertIds: string[], caseId: string): Promise<void> {
    if (alertIds.length > 0) await client.query(LINK_TO_CASE, [alertIds, caseId]);
  }

  async moveToCase(client: PoolClient, fromCaseId: string, toCaseId: string): Promise<string[]> {
    const { rows } = await client.query<{ id: string }>(MOVE_TO_CASE, [fromCaseId, toCaseId]);
    return rows.map((row) => row.id);
  }

  /** The newest `limit` alerts of the case, and how many it holds in all. */
  async findByCase(caseId: string, limit: number): Promise<{ total: number; items: Alert[] }> {
    const [total, items] = await Promise.all([
      this.prisma.alert.count({ where: { caseId } }),
      this.prisma.alert.findMany({
        where: { caseId },
        orderBy: [{ receivedAt: 'desc' }, { id: 'asc' }],
        take: limit,
      }),
    ]);
    return { total, items };
  }

  async observablesForCase(caseId: string): Promise<CaseObservable[]> {
    return (await this.database.pool.query<CaseObservable>(CASE_OBSERVABLES, [caseId])).rows;
  }
}
