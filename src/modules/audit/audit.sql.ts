/** Plain SQL of the audit log: staging needs no lock; only the sealer chains. */

/** One staged entry; no lock, so it costs what any INSERT costs in the caller's transaction. */
export const INSERT_STAGED = `
INSERT INTO audit_staging (id, created_at, actor_type, actor_id, actor_email, actor_label, action, entity_type, entity_id, data, ip)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;

/** Serialises sealers across every process sharing the database (never taken by writers). */
export const SEALER_LOCK_KEY = 7_360_001;
export const LOCK_SEALER_WAIT = `SELECT pg_advisory_xact_lock(${SEALER_LOCK_KEY})`;
export const LOCK_SEALER_TRY = `SELECT pg_try_advisory_xact_lock(${SEALER_LOCK_KEY}) AS locked`;

export const READ_HEAD = `SELECT seq, hash FROM audit_head WHERE id = 1`;

/** Only committed rows are visible, so an in-flight writer's entry waits for a later round. */
export const READ_STAGED = `
SELECT position, id, created_at, actor_type, actor_id, actor_email, actor_label, action, entity_type, entity_id, data, ip
FROM audit_staging ORDER BY position LIMIT $1`;

export const INSERT_SEALED = `
INSERT INTO audit_log (id, seq, created_at, actor_type, actor_id, actor_email, actor_label, action, entity_type, entity_id, data, ip, prev_hash, hash)
SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::text[], $5::uuid[], $6::text[], $7::text[],
                     $8::text[], $9::text[], $10::text[], $11::jsonb[], $12::text[], $13::text[], $14::text[])`;

/** Staged rows leave only once sealed (the staging trigger checks), and the head moves on. */
export const RELEASE_STAGED_AND_MOVE_HEAD = `
WITH released AS (DELETE FROM audit_staging WHERE position = ANY($1::bigint[]))
UPDATE audit_head SET seq = $2, last_id = $3, hash = $4 WHERE id = 1`;

/** Claims a checkpoint period: exactly one process gets the row back per period. */
export const CLAIM_CHECKPOINT_SLOT = `
UPDATE audit_head SET checkpoint_slot = $1 WHERE id = 1 AND checkpoint_slot < $1
RETURNING seq, hash`;

/** What a hot-path statement stages about the rows its CTE changed. */
export interface SystemAuditStatement {
  /** The system job that made the change (the actor's label). */
  job: string;
  action: string;
  entityType: string;
  /** FROM (and WHERE) over the statement's own CTE: one entry per row. */
  from: string;
  /** SQL expressions over those rows. */
  entityId: string;
  data: string;
}

const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/**
 * The tail of a data-modifying statement that stages one system audit entry per changed row,
 * so an automatic decision and its audit entry commit together in one round trip, lock-free.
 */
export function stageSystemAuditSql(statement: SystemAuditStatement): string {
  return `
INSERT INTO audit_staging (id, created_at, actor_type, actor_id, actor_email, actor_label, action, entity_type, entity_id, data, ip)
SELECT gen_random_uuid(), now(), 'system', NULL, NULL, ${literal(statement.job)}, ${literal(statement.action)},
       ${literal(statement.entityType)}, ${statement.entityId}, ${statement.data}, NULL
  FROM ${statement.from}`;
}
