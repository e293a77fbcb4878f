import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database';

/** An observable with its verdict: the most severe of its providers' answers (null if none). */
export interface EvaluationObservable {
  id: string;
  type: string;
  value: string;
  internal: boolean;
  allowlisted: boolean;
  verdict: string | null;
  verdicts: Record<string, string>;
}

/** What a playbook condition reads about one alert (and the case it is in). */
export interface AlertForEvaluation {
  id: string;
  title: string | null;
  source: string;
  connector: string;
  severity: string | null;
  status: string;
  riskScore: number | null;
  scoreBreakdown: unknown;
  normalized: Record<string, unknown> | null;
  occurrences: number;
  receivedAt: Date;
  caseId: string | null;
  case: { id: string; status: string; severity: string; assigneeId: string | null } | null;
  observables: EvaluationObservable[];
}

const SELECT_FOR_EVALUATION = `
SELECT a.id, a.title, a.source, a.connector, a.severity::text AS severity, a.status::text AS status,
       a.risk_score AS "riskScore", a.score_breakdown AS "scoreBreakdown", a.normalized,
       a.occurrences, a.received_at AS "receivedAt", a.case_id AS "caseId",
       CASE WHEN c.id IS NULL THEN NULL ELSE jsonb_build_object(
         'id', c.id, 'status', c.status, 'severity', c.severity, 'assigneeId', c.assignee_id) END AS "case",
       coalesce(obs.list, '[]'::jsonb) AS observables
  FROM alerts a
  LEFT JOIN cases c ON c.id = a.case_id
  LEFT JOIN LATERAL (
    SELECT jsonb_agg(jsonb_build_object(
             'id', o.id, 'type', lower(o.type::text), 'value', o.value, 'internal', o.internal,
             'allowlisted', o.allowlisted, 'verdict', v.worst, 'verdicts', coalesce(v.per, '{}'::jsonb))
             ORDER BY o.type, o.value) AS list
      FROM observables o
      LEFT JOIN LATERAL (
        SELECT jsonb_object_agg(r.provider, lower(r.verdict::text)) AS per,
               (array_agg(lower(r.verdict::text) ORDER BY CASE r.verdict
                  WHEN 'MALICIOUS' THEN 0 WHEN 'SUSPICIOUS' THEN 1 WHEN 'HARMLESS' THEN 2 ELSE 3 END))[1] AS worst
          FROM enrichment_results r WHERE r.observable_id = o.id) v ON true
     WHERE o.alert_id = a.id) obs ON true`;

/** Scored originals only: duplicates are counted on their original, unscored alerts never triggered. */
const IN_WINDOW = `${SELECT_FOR_EVALUATION}
 WHERE a.received_at >= $1 AND a.received_at < $2
   AND a.risk_score IS NOT NULL AND a.duplicate_of_id IS NULL
 ORDER BY a.received_at DESC, a.id
 LIMIT $3`;

const BY_ID = `${SELECT_FOR_EVALUATION} WHERE a.id = $1`;

/** Alerts as playbook conditions see them, read in one statement each. */
@Injectable()
export class AlertEvaluationRepository {
  constructor(private readonly database: Database) {}

  /** Scored alerts received in [from, to), newest first. */
  async findForReplay(from: Date, to: Date, limit: number): Promise<AlertForEvaluation[]> {
    return (await this.database.pool.query<AlertForEvaluation>(IN_WINDOW, [from, to, limit])).rows;
  }

  async findForEvaluation(alertId: string): Promise<AlertForEvaluation | null> {
    return (await this.database.pool.query<AlertForEvaluation>(BY_ID, [alertId])).rows[0] ?? null;
  }
}
