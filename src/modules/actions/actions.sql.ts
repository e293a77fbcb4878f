/**
 * The actions table's writes, in plain SQL so each state change, its case event, its audit
 * entry and its queue job commit in one transaction on one connection. Deadlines are compared
 * with the database's clock only.
 */

const COLUMNS = `
  a.id, a.case_id AS "caseId", a.alert_id AS "alertId", a.playbook_run_id AS "playbookRunId",
  a.action_type AS "actionType", a.target, a.params, a.reason, a.status,
  a.requires_approval AS "requiresApproval", a.required_approvals AS "requiredApprovals",
  a.requested_by_id AS "requestedById", a.decided_by_id AS "decidedById",
  a.decision_reason AS "decisionReason", a.output, a.effects, a.error, a.mode, a.attempts,
  a.request_hash AS "requestHash", a.expires_at AS "expiresAt", a.unblock_of_id AS "unblockOfId",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.decided_at AS "decidedAt",
  a.started_at AS "startedAt", a.executed_at AS "executedAt",
  (a.expires_at IS NOT NULL AND a.expires_at <= now()) AS "overdue"`;

/** `$n` seconds from now, or NULL for a NULL `$n`. */
const deadline = (n: number) => `now() + make_interval(secs => $${n}::double precision)`;

export const INSERT_ACTION = `
INSERT INTO actions AS a (id, case_id, alert_id, playbook_run_id, action_type, target, params,
  reason, status, requires_approval, required_approvals, requested_by_id, request_hash,
  expires_at, unblock_of_id, started_at, updated_at)
VALUES (gen_random_uuid(), $1, $2, $3, $4::"ActionType", $5, $6::jsonb, $7, $8::"ActionStatus",
  $9, $10, $11, $12, CASE WHEN $13::double precision IS NULL THEN NULL ELSE ${deadline(13)} END,
  $14, CASE WHEN $8::text = 'EXECUTING' THEN now() END, now())
ON CONFLICT (unblock_of_id) DO NOTHING
RETURNING ${COLUMNS}`;

export const LOCK_ACTION = `SELECT ${COLUMNS} FROM actions a WHERE a.id = $1 FOR UPDATE`;

export const SELECT_ACTION = `SELECT ${COLUMNS} FROM actions a WHERE a.id = $1`;

export const SELECT_UNBLOCK_OF = `SELECT ${COLUMNS} FROM actions a WHERE a.unblock_of_id = $1`;

export const INSERT_APPROVAL = `
INSERT INTO action_approvals (id, action_id, approver_id, approval_hash)
VALUES (gen_random_uuid(), $1, $2, $3)
ON CONFLICT (action_id, approver_id) DO NOTHING
RETURNING id`;

export const APPROVAL_HASHES = `
SELECT approver_id AS "approverId", approval_hash AS "approvalHash"
  FROM action_approvals WHERE action_id = $1`;

export const MARK_APPROVED = `
UPDATE actions a SET status = 'APPROVED', decided_by_id = $2, decided_at = now(),
  expires_at = ${deadline(3)}, updated_at = now()
 WHERE a.id = $1 RETURNING ${COLUMNS}`;

export const MARK_REJECTED = `
UPDATE actions a SET status = 'REJECTED', decided_by_id = $2, decision_reason = $3,
  decided_at = now(), expires_at = NULL, updated_at = now()
 WHERE a.id = $1 RETURNING ${COLUMNS}`;

export const MARK_EXPIRED = `
UPDATE actions a SET status = 'EXPIRED', updated_at = now()
 WHERE a.id = $1 RETURNING ${COLUMNS}`;

export const MARK_EXECUTING = `
UPDATE actions a SET status = 'EXECUTING', started_at = now(), expires_at = NULL, updated_at = now()
 WHERE a.id = $1 RETURNING ${COLUMNS}`;

/** The worker's outcome; only an action still EXECUTING takes it (a repeated job changes nothing). */
export const MARK_FINISHED = `
UPDATE actions a SET status = $2::"ActionStatus", output = $3::jsonb, effects = $4::jsonb, mode = $5,
  error = $6, attempts = a.attempts + 1, updated_at = now(),
  executed_at = CASE WHEN $2::text = 'EXECUTED' THEN now() ELSE a.executed_at END
 WHERE a.id = $1 AND a.status = 'EXECUTING' RETURNING ${COLUMNS}`;

/**
 * Claims overdue actions (skipping rows another transaction holds) and expires them, returning
 * each with the status it had.
 */
export const EXPIRE_DUE = `
WITH due AS (
  SELECT id, status FROM actions
   WHERE status IN ('REQUESTED', 'APPROVED') AND expires_at <= now()
   ORDER BY expires_at LIMIT $1
   FOR UPDATE SKIP LOCKED)
UPDATE actions a SET status = 'EXPIRED', updated_at = now()
  FROM due WHERE a.id = due.id
RETURNING due.status AS "before", ${COLUMNS}`;

/** Claims actions EXECUTING for longer than $1 seconds (skipping rows another transaction holds). */
export const LOCK_STALE_EXECUTING = `
SELECT ${COLUMNS} FROM actions a
 WHERE a.status = 'EXECUTING' AND a.started_at <= now() - make_interval(secs => $1::double precision)
 ORDER BY a.started_at LIMIT $2
 FOR UPDATE SKIP LOCKED`;

export const MOVE_TO_CASE = `
UPDATE actions a SET case_id = $2, updated_at = now()
  FROM actions old
 WHERE old.id = a.id AND a.case_id = ANY($1::uuid[]) AND a.case_id <> $2
RETURNING a.id, old.case_id AS "fromCaseId", a.status`;
