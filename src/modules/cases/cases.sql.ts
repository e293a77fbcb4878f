import { AuditAction, stageSystemAuditSql } from '../audit';

/**
 * Automatic case linking in plain SQL: it runs once per HIGH alert, so it costs a few
 * statements under a lock on the fingerprint only (bench/README.md, storm mode).
 */

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

/**
 * A new case with its SLA deadlines ($6, $7 seconds), its CREATED and ALERT_LINKED events
 * (inserted in that order: the timeline reads events by seq) and its audit entry for alert
 * $8, all in one statement.
 */
export const OPEN_CASE = `
WITH opened AS (
  INSERT INTO cases (id, title, severity, fingerprint, updated_at, ack_due_at, due_at)
  VALUES (gen_random_uuid(), $1, $2::"Severity", $3, now(),
          now() + $6 * interval '1 second', now() + $7 * interval '1 second')
  RETURNING id, title, severity),
events AS (
  INSERT INTO case_events (id, case_id, type, data)
  SELECT gen_random_uuid(), opened.id, e.type::"CaseEventType", e.data
    FROM opened, (VALUES (1, 'CREATED', $4::jsonb), (2, 'ALERT_LINKED', $5::jsonb)) AS e(n, type, data)
   ORDER BY e.n),
audited AS (${stageSystemAuditSql({
  job: 'case-linking',
  action: AuditAction.CaseCreated,
  entityType: 'case',
  from: 'opened',
  entityId: 'id::text',
  data: `jsonb_build_object('before', NULL, 'after', jsonb_build_object('title', title, 'severity', severity),
                            'alertId', $8::text, 'automatic', true)`,
})})
SELECT id AS "caseId" FROM opened`;

/**
 * Links the alert to an open case, raising the case's severity when higher: its SLA deadlines
 * follow ($5, $6 seconds from created_at) and its event tells both.
 */
export const ATTACH_TO_CASE = `
WITH old AS (
  SELECT id, severity, ack_due_at, due_at FROM cases WHERE id = $1),
raised AS (
  UPDATE cases SET severity = $2::"Severity", updated_at = now(),
         ack_due_at = created_at + $5 * interval '1 second',
         due_at = created_at + $6 * interval '1 second'
   WHERE id = $1 AND severity < $2::"Severity"
  RETURNING id, severity, ack_due_at, due_at),
severity_changed AS (
  INSERT INTO case_events (id, case_id, type, data)
  SELECT gen_random_uuid(), raised.id, 'SEVERITY_CHANGED',
         jsonb_build_object(
           'before', jsonb_build_object('severity', old.severity, 'ackDueAt', old.ack_due_at, 'dueAt', old.due_at),
           'after', jsonb_build_object('severity', raised.severity, 'ackDueAt', raised.ack_due_at, 'dueAt', raised.due_at),
           'alertId', $3::text, 'automatic', true)
    FROM raised JOIN old ON old.id = raised.id)
INSERT INTO case_events (id, case_id, type, data)
VALUES (gen_random_uuid(), $1, 'ALERT_LINKED', $4::jsonb)`;

/** One timeline event (actor null = the system). */
export const ADD_EVENT = `
INSERT INTO case_events (id, case_id, type, data, actor_id)
VALUES (gen_random_uuid(), $1, $2::"CaseEventType", $3::jsonb, $4)`;

/** Many timeline events at once, in the order given (parallel arrays; actor null = the system). */
export const ADD_EVENTS = `
INSERT INTO case_events (id, case_id, type, data, actor_id)
SELECT gen_random_uuid(), e.case_id, e.type, e.data, e.actor_id
  FROM unnest($1::uuid[], $2::"CaseEventType"[], $3::jsonb[], $4::uuid[])
       WITH ORDINALITY AS e(case_id, type, data, actor_id, n)
 ORDER BY e.n`;

const CASE_COLUMNS = `
  id, number, title, description, status, severity, fingerprint,
  assignee_id AS "assigneeId", resolution, resolution_note AS "resolutionNote",
  merged_into_id AS "mergedIntoId", ticket_key AS "ticketKey", ticket_url AS "ticketUrl",
  created_by_id AS "createdById", created_at AS "createdAt", updated_at AS "updatedAt",
  acknowledged_at AS "acknowledgedAt", contained_at AS "containedAt", closed_at AS "closedAt",
  ack_due_at AS "ackDueAt", due_at AS "dueAt"`;

/** A case opened by a person, with its SLA deadlines ($5, $6 seconds). */
export const INSERT_CASE = `
INSERT INTO cases (id, title, description, severity, created_by_id, updated_at, ack_due_at, due_at)
VALUES (gen_random_uuid(), $1, $2, $3::"Severity", $4, now(),
        now() + $5 * interval '1 second', now() + $6 * interval '1 second')
RETURNING ${CASE_COLUMNS}`;

/** The cases, locked in id order so concurrent merges cannot deadlock. */
export const LOCK_CASES = `
SELECT ${CASE_COLUMNS} FROM cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`;

/** Writes every field a change may touch (see case-changes.ts). */
export const UPDATE_CASE = `
UPDATE cases SET title = $2, description = $3, status = $4::"CaseStatus",
       severity = $5::"Severity", assignee_id = $6, resolution = $7::"CaseResolution",
       resolution_note = $8, merged_into_id = $9, acknowledged_at = $10, contained_at = $11,
       closed_at = $12, ack_due_at = $13, due_at = $14, updated_at = now()
 WHERE id = $1
RETURNING ${CASE_COLUMNS}`;

/** Stores the ticket a CREATE_TICKET action opened, returning what was there before. */
export const SET_TICKET = `
WITH old AS (SELECT id, ticket_key, ticket_url FROM cases WHERE id = $1 FOR UPDATE)
UPDATE cases c SET ticket_key = $2, ticket_url = $3, updated_at = now()
  FROM old WHERE c.id = old.id
RETURNING old.ticket_key AS "beforeKey", old.ticket_url AS "beforeUrl"`;

export const INSERT_NOTE = `
INSERT INTO case_notes (id, case_id, author_id, note)
VALUES (gen_random_uuid(), $1, $2, $3)
RETURNING id, case_id AS "caseId", author_id AS "authorId", note, created_at AS "createdAt"`;

/** Moves the notes of one case to another, returning the ids moved. */
export const MOVE_NOTES = `
UPDATE case_notes SET case_id = $2 WHERE case_id = $1 RETURNING id`;
