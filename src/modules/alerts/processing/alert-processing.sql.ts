import { AuditAction, stageSystemAuditSql } from '../../audit';

/**
 * The pipeline's per-alert statements in plain SQL: Prisma's query compiler cost about 1 ms of
 * CPU per call, half of a worker's time (bench/README.md), so the hot path bypasses it.
 * Status changes the pipeline makes by itself stage their audit entry in the same statement.
 */

const PIPELINE_JOB = 'alert-pipeline';

/** `{before: {status}, after: {status, ...extra}}` over a CTE's old_status and status columns. */
const statusChange = (extra: string): string =>
  `jsonb_build_object('before', jsonb_build_object('status', old_status),
                      'after', jsonb_build_object('status', status${extra}))`;

const PROCESSING_COLUMNS = `id, source, connector, raw_payload AS "rawPayload", received_at AS "receivedAt",
  title, case_id AS "caseId", fingerprint`;

export const CLAIM_ALERT = `
  UPDATE alerts SET state = 'PROCESSING', processing_started_at = now(), updated_at = now()
   WHERE id = $1 AND state <> 'PROCESSED'
  RETURNING ${PROCESSING_COLUMNS}`;

/**
 * The first alert of this fingerprint in the window that already holds every observable of the
 * repeat ($4 types, $5 values): a repeat bringing a new indicator is not folded, so no
 * indicator is hidden. One a person closed is a decision, not noise.
 */
export const FIND_ORIGINAL = `
  SELECT a.id FROM alerts a
   WHERE a.fingerprint = $1 AND a.id <> $2 AND a.duplicate_of_id IS NULL AND a.received_at >= $3
     AND NOT (a.status IN ('CLOSED', 'FALSE_POSITIVE') AND a.auto_closed = false)
     AND NOT EXISTS (
       SELECT 1 FROM unnest($4::"ObservableType"[], $5::text[]) AS o(type, value)
        WHERE NOT EXISTS (SELECT 1 FROM observables s
                           WHERE s.alert_id = a.id AND s.type = o.type AND s.value = o.value))
   ORDER BY a.received_at ASC
   LIMIT 1`;

/** Inserts the observables a retried job has not stored yet and returns all of them. */
export const STORE_OBSERVABLES = `
  WITH inserted AS (
    INSERT INTO observables (id, alert_id, type, value, stix_type, internal, allowlisted)
    SELECT gen_random_uuid(), $1, type, value, stix_type, internal, allowlisted
      FROM unnest($2::"ObservableType"[], $3::text[], $4::text[], $5::boolean[], $6::boolean[])
        AS o(type, value, stix_type, internal, allowlisted)
    ON CONFLICT (alert_id, type, value) DO NOTHING
    RETURNING id, type::text, value, internal, allowlisted)
  SELECT * FROM inserted
  UNION ALL
  SELECT id, type::text, value, internal, allowlisted FROM observables WHERE alert_id = $1`;

const ANALYSIS_COLUMNS = `normalized = $2::jsonb, title = $3, external_id = $4, fingerprint = $5,
  event_time = $6, last_seen_at = $7, updated_at = now()`;

export const STORE_ANALYSIS = `UPDATE alerts SET ${ANALYSIS_COLUMNS} WHERE id = $1`;

export const STORE_DUPLICATE = `
  WITH before AS (SELECT id AS alert_id, status AS old_status FROM alerts WHERE id = $1 FOR UPDATE),
  closed AS (
    UPDATE alerts SET ${ANALYSIS_COLUMNS}, duplicate_of_id = $8, state = 'PROCESSED',
           processed_at = now(), status = 'CLOSED', closed_at = now(), closed_reason = $9
      FROM before WHERE id = before.alert_id
    RETURNING id, old_status, status, duplicate_of_id)
  ${stageSystemAuditSql({
    job: PIPELINE_JOB,
    action: AuditAction.AlertClosedAsDuplicate,
    entityType: 'alert',
    from: 'closed',
    entityId: 'id::text',
    data: statusChange(`, 'duplicateOfId', duplicate_of_id`),
  })}`;

export const COUNT_REPEAT = `
  UPDATE alerts SET occurrences = occurrences + 1, last_seen_at = $2, updated_at = now()
   WHERE id = $1`;

export const COUNT_EARLIER_OCCURRENCES = `
  SELECT count(*)::int AS n FROM alerts
   WHERE fingerprint = $1 AND id <> $2 AND received_at <= $3 AND received_at >= $4`;

/** Score and decision; auto-close ($6, its reason) only touches an alert nobody has triaged. */
export const FINISH = `
  WITH before AS (SELECT id AS alert_id, status AS old_status FROM alerts WHERE id = $1 FOR UPDATE),
  finished AS (
    UPDATE alerts SET risk_score = $2, severity = $3::"Severity", score_breakdown = $4::jsonb,
           enrichment_partial = $5, state = 'PROCESSED', processed_at = now(),
           processing_error = NULL, updated_at = now(),
           auto_closed = auto_closed OR ($6::text IS NOT NULL AND status = 'NEW'),
           closed_at = CASE WHEN $6::text IS NOT NULL AND status = 'NEW' THEN now() ELSE closed_at END,
           closed_reason = CASE WHEN $6::text IS NOT NULL AND status = 'NEW' THEN $6 ELSE closed_reason END,
           status = CASE WHEN $6::text IS NOT NULL AND status = 'NEW' THEN 'CLOSED' ELSE status END
      FROM before WHERE id = before.alert_id
    RETURNING id, old_status, status, closed_reason, risk_score, severity)
  ${stageSystemAuditSql({
    job: PIPELINE_JOB,
    action: AuditAction.AlertAutoClosed,
    entityType: 'alert',
    from: `finished WHERE old_status = 'NEW' AND status = 'CLOSED'`,
    entityId: 'id::text',
    data: statusChange(
      `, 'autoClosed', true, 'reason', closed_reason, 'riskScore', risk_score, 'severity', severity`,
    ),
  })}`;

/** An auto-closed alert whose evidence turned bad goes back to NEW; returns the row if it did. */
export const REOPEN_AUTO_CLOSED = `
  WITH before AS (
    SELECT id AS alert_id, status AS old_status FROM alerts
     WHERE id = $1 AND auto_closed AND status = 'CLOSED' FOR UPDATE),
  reopened AS (
    UPDATE alerts SET status = 'NEW', auto_closed = false, closed_at = NULL, closed_reason = $2,
           updated_at = now()
      FROM before WHERE id = before.alert_id
    RETURNING id, old_status, status, closed_reason)
  ${stageSystemAuditSql({
    job: PIPELINE_JOB,
    action: AuditAction.AlertReopened,
    entityType: 'alert',
    from: 'reopened',
    entityId: 'id::text',
    data: statusChange(`, 'reason', closed_reason`),
  })}
  RETURNING entity_id`;

/** The case the cases module put the alert in; never replaces a link someone already made. */
export const LINK_CASE = `
  UPDATE alerts SET case_id = $2, updated_at = now() WHERE id = $1 AND case_id IS NULL`;
