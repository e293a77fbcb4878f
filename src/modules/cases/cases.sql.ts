/**
 * Automatic case linking in plain SQL: it runs once per HIGH alert, so it costs a few
 * statements under a lock on the fingerprint only (bench/README.md, storm mode).
 */

export const LOCK_FINGERPRINT = `SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`;

/**
 * The case a previous run of this job already linked the alert to, and the open case of its
 * fingerprint. The automatic link is unique per alert (index case_events_automatic_link_key).
 */
export const FIND_LINK_AND_OPEN_CASE = `
SELECT (SELECT e.case_id FROM case_events e
         WHERE e.type = 'ALERT_LINKED' AND e.data->>'automatic' = 'true' AND e.data->>'alertId' = $1
       ) AS "linkedCaseId",
       open.id AS "openCaseId", open.severity AS "openSeverity"
  FROM (SELECT 1) AS one
  LEFT JOIN LATERAL (
    SELECT c.id, c.severity FROM cases c
     WHERE c.fingerprint = $2 AND c.status <> 'CLOSED'
     ORDER BY c.created_at DESC LIMIT 1) AS open ON true`;

/** A new case with its CREATED and ALERT_LINKED events, in one statement. */
export const OPEN_CASE = `
WITH opened AS (
  INSERT INTO cases (id, title, severity, fingerprint, updated_at)
  VALUES (gen_random_uuid(), $1, $2::"Severity", $3, now())
  RETURNING id),
created AS (
  INSERT INTO case_events (id, case_id, type, data)
  SELECT gen_random_uuid(), id, 'CREATED', $4::jsonb FROM opened)
INSERT INTO case_events (id, case_id, type, data)
SELECT gen_random_uuid(), id, 'ALERT_LINKED', $5::jsonb FROM opened
RETURNING case_id AS "caseId"`;

/** Links the alert to an open case, raising the case's severity (with its event) when higher. */
export const ATTACH_TO_CASE = `
WITH raised AS (
  UPDATE cases SET severity = $2::"Severity", updated_at = now()
   WHERE id = $1 AND severity < $2::"Severity"
  RETURNING id),
severity_changed AS (
  INSERT INTO case_events (id, case_id, type, data)
  SELECT gen_random_uuid(), id, 'SEVERITY_CHANGED', $3::jsonb FROM raised)
INSERT INTO case_events (id, case_id, type, data)
VALUES (gen_random_uuid(), $1, 'ALERT_LINKED', $4::jsonb)`;

/** One timeline event (actor null = the system). */
export const ADD_EVENT = `
INSERT INTO case_events (id, case_id, type, data, actor_id)
VALUES (gen_random_uuid(), $1, $2::"CaseEventType", $3::jsonb, $4)`;
