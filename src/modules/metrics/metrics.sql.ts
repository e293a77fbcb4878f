/**
 * The metrics read model: read-only SQL over the rollups (this module's tables) and, for the
 * duration figures, over indexed columns of alerts, cases and actions. Every rollup read adds
 * the pending *_delta rows, so figures are exact before compaction runs.
 */

const rollup = (table: string, columns: string): string => `
  SELECT ${columns}, count FROM ${table} WHERE hour >= $1 AND hour < $2
  UNION ALL
  SELECT ${columns}, count FROM ${table}_delta WHERE hour >= $1 AND hour < $2`;

export const ALERT_BREAKDOWN = `
  SELECT severity, status, connector, auto_closed, sum(count)::float8 AS count
  FROM (${rollup('metrics_alert_hourly', 'severity, status, connector, auto_closed')}) r
  GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0`;

export const CASE_BREAKDOWN = `
  SELECT status, severity, resolution, merged, sum(count)::float8 AS count
  FROM (${rollup('metrics_case_hourly', 'status, severity, resolution, merged')}) r
  GROUP BY 1, 2, 3, 4 HAVING sum(count) <> 0`;

export const ACTION_BREAKDOWN = `
  SELECT status, action_type, sum(count)::float8 AS count
  FROM (${rollup('metrics_action_hourly', 'status, action_type')}) r
  GROUP BY 1, 2 HAVING sum(count) <> 0`;

/** $3: how many values per facet. */
export const TOP_FACETS = `
  WITH totals AS (
    SELECT facet, value, sum(count)::float8 AS count
    FROM (${rollup('metrics_alert_facet_hourly', 'facet, value')}) r
    GROUP BY 1, 2 HAVING sum(count) > 0
  ), ranked AS (
    SELECT facet, value, count, row_number() OVER (PARTITION BY facet ORDER BY count DESC, value) AS rank
    FROM totals
  )
  SELECT facet, value, count FROM ranked WHERE rank <= $3 ORDER BY facet, rank`;

/** Alerts per bucket; $3 is 'hour' or 'day'. */
export const ALERTS_PER_BUCKET = `
  SELECT date_trunc($3, hour, 'UTC') AS bucket, sum(count)::float8 AS count
  FROM (${rollup('metrics_alert_hourly', 'hour')}) r
  GROUP BY 1 HAVING sum(count) <> 0`;

/** Alerts per bucket with a false-positive verdict and with any closing verdict. */
export const ALERT_VERDICTS_PER_BUCKET = `
  SELECT date_trunc($3, hour, 'UTC') AS bucket,
         sum(count) FILTER (WHERE status = 'FALSE_POSITIVE')::float8 AS false_positive,
         sum(count) FILTER (WHERE status IN ('FALSE_POSITIVE', 'CLOSED'))::float8 AS resolved
  FROM (${rollup('metrics_alert_hourly', 'hour, status')}) r
  GROUP BY 1`;

export const CASES_OPENED_PER_BUCKET = `
  SELECT date_trunc($3, hour, 'UTC') AS bucket, sum(count)::float8 AS count
  FROM (${rollup('metrics_case_hourly', 'hour')}) r
  GROUP BY 1 HAVING sum(count) <> 0`;

/** Cases closed per bucket of closedAt, merged duplicates left out. */
export const CASES_CLOSED_PER_BUCKET = `
  SELECT date_trunc($3, closed_at, 'UTC') AS bucket, count(*)::float8 AS count
  FROM cases WHERE closed_at >= $1 AND closed_at < $2 AND merged_into_id IS NULL
  GROUP BY 1`;

/** The latest verdict (worst over its providers) and the asset of each source IP in $1. */
export const SOURCE_CONTEXT = `
  SELECT ip.value,
         (SELECT e.verdict::text FROM observables o
            JOIN enrichment_results e ON e.observable_id = o.id
           WHERE o.type IN ('IPV4', 'IPV6') AND o.value = ip.value
           ORDER BY o.created_at DESC,
                    array_position(ARRAY['MALICIOUS','SUSPICIOUS','HARMLESS','UNKNOWN'], e.verdict::text)
           LIMIT 1) AS verdict,
         (SELECT json_build_object('id', a.id, 'hostname', a.hostname, 'criticality', a.criticality)
            FROM assets a WHERE a.ip = ip.value ORDER BY a.hostname LIMIT 1) AS asset
  FROM unnest($1::text[]) AS ip(value)`;

/** count, mean, p50, p90 of `seconds` (prefixed, over the rows matching `filter`). */
const stats = (seconds: string, prefix = '', filter = 'true') => `
  count(*) FILTER (WHERE ${filter})::int AS ${prefix}count,
  round(avg(${seconds}) FILTER (WHERE ${filter})::numeric, 3)::float8 AS ${prefix}mean,
  round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE ${filter}))::numeric, 3)::float8 AS ${prefix}p50,
  round((percentile_cont(0.9) WITHIN GROUP (ORDER BY ${seconds}) FILTER (WHERE ${filter}))::numeric, 3)::float8 AS ${prefix}p90`;

/** Overall (severity null) and per case severity. */
const perSeverity = (columns: string, from: string) => `
  SELECT c.severity::text AS severity, ${columns}
  ${from}
  GROUP BY GROUPING SETS ((), (c.severity))`;

/** Acknowledged in $1..$2: from the first linked alert's arrival (or the case's creation). */
export const MTTA = perSeverity(
  stats('extract(epoch FROM c.acknowledged_at - least(f.first_received_at, c.created_at))'),
  `FROM cases c LEFT JOIN metrics_case_first_alert f ON f.case_id = c.id
   WHERE c.acknowledged_at >= $1 AND c.acknowledged_at < $2 AND c.merged_into_id IS NULL`,
);

/** Closed in $1..$2, merged duplicates left out. */
export const MTTR = perSeverity(
  stats('extract(epoch FROM c.closed_at - c.created_at)'),
  `FROM cases c WHERE c.closed_at >= $1 AND c.closed_at < $2 AND c.merged_into_id IS NULL`,
);

const EXECUTED = `x.status = 'EXECUTED' AND x.executed_at >= $1 AND x.executed_at < $2`;
const APPROVED = `x.requires_approval AND x.decided_at >= $1 AND x.decided_at < $2
  AND x.status IN ('APPROVED', 'EXECUTING', 'EXECUTED', 'FAILED')`;

/**
 * One pass over the actions of the window, by the severity of their case:
 * mte_ executed in $1..$2, requested -> executed; execution_ the same actions, approved (or
 * requested, when no approval was needed) -> executed; approval_ approved in $1..$2,
 * requested -> approved.
 */
export const ACTION_DURATIONS = perSeverity(
  [
    stats('extract(epoch FROM x.executed_at - x.created_at)', 'mte_', EXECUTED),
    stats(
      'extract(epoch FROM x.executed_at - coalesce(x.decided_at, x.created_at))',
      'execution_',
      EXECUTED,
    ),
    stats('extract(epoch FROM x.decided_at - x.created_at)', 'approval_', APPROVED),
  ].join(','),
  `FROM actions x JOIN cases c ON c.id = x.case_id WHERE (${EXECUTED}) OR (${APPROVED})`,
);

/**
 * Open cases past a deadline ($1 = now) or past 75% of the way to it: the acknowledge deadline
 * while unacknowledged, the resolve deadline always. $2 limits each list.
 */
export const SLA_EXPOSURE = `
  WITH open_deadlines AS (
    SELECT c.id, c.number, c.title, c.severity::text AS severity, c.created_at, d.kind, d.due_at
    FROM cases c
    CROSS JOIN LATERAL (VALUES ('acknowledge', CASE WHEN c.acknowledged_at IS NULL THEN c.ack_due_at END),
                               ('resolve', c.due_at)) d(kind, due_at)
    WHERE c.status IN ('NEW', 'IN_TRIAGE', 'INVESTIGATING', 'CONTAINED') AND d.due_at IS NOT NULL
  ), classified AS (
    SELECT *, CASE WHEN due_at <= $1 THEN 'breach'
                   WHEN $1 >= created_at + (due_at - created_at) * 0.75 THEN 'at_risk' END AS state
    FROM open_deadlines
  ), listed AS (
    SELECT *, count(*) OVER (PARTITION BY state) AS total,
           row_number() OVER (PARTITION BY state ORDER BY due_at, number, kind) AS rank
    FROM classified WHERE state IS NOT NULL
  )
  SELECT id, number, title, severity, kind, state, created_at, due_at, total::int AS total
  FROM listed WHERE rank <= $2 ORDER BY state, rank`;

export const COMPACT = 'SELECT metrics_compact()';

/** Scrape-time gauges: jobs waiting or running per queue (pg-boss's table). */
export const queueDepth = (schema: string) => `
  SELECT name AS queue, state::text AS state, count(*)::float8 AS count FROM ${schema}.job
  WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`;

export const ACTIONS_BY_TYPE_STATUS = `
  SELECT action_type, status, sum(count)::float8 AS count FROM (
    SELECT action_type, status, count FROM metrics_action_hourly
    UNION ALL SELECT action_type, status, count FROM metrics_action_hourly_delta) r
  GROUP BY 1, 2 HAVING sum(count) <> 0`;

export const PLAYBOOK_RUNS_BY_STATUS = `
  SELECT status::text AS status, count(*)::float8 AS count FROM playbook_runs GROUP BY 1`;

export const OPEN_CASES = `
  SELECT severity::text AS severity, count(*)::float8 AS count,
         count(*) FILTER (WHERE acknowledged_at IS NULL AND ack_due_at <= now())::float8 AS ack_breached,
         count(*) FILTER (WHERE due_at <= now())::float8 AS resolve_breached
  FROM cases WHERE status IN ('NEW', 'IN_TRIAGE', 'INVESTIGATING', 'CONTAINED') GROUP BY 1`;

const meanPerBucket = (column: string, start: string) => `
  SELECT date_trunc($3, ${column}, 'UTC') AS bucket,
         round(avg(extract(epoch FROM ${column} - ${start}))::numeric, 3)::float8 AS count
  FROM cases c LEFT JOIN metrics_case_first_alert f ON f.case_id = c.id
  WHERE ${column} >= $1 AND ${column} < $2 AND c.merged_into_id IS NULL
  GROUP BY 1`;

/** Mean seconds to acknowledge, per bucket of acknowledgedAt. */
export const MTTA_PER_BUCKET = meanPerBucket(
  'c.acknowledged_at',
  'least(f.first_received_at, c.created_at)',
);

/** Mean seconds to close, per bucket of closedAt. */
export const MTTR_PER_BUCKET = meanPerBucket('c.closed_at', 'c.created_at');
