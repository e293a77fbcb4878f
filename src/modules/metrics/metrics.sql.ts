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

/** Alerts per UTC day and status in whole days [$1, $2): the daily rollup plus pending deltas. */
const dailyAlerts = (columns: string) => `
  SELECT day, ${columns} FROM metrics_alert_daily WHERE day >= $1 AND day < $2
  UNION ALL
  SELECT date_trunc('day', hour, 'UTC'), ${columns} FROM metrics_alert_hourly_delta
  WHERE hour >= $1 AND hour < $2`;

export const ALERTS_PER_DAY = `
  SELECT day AS bucket, sum(count)::float8 AS count FROM (${dailyAlerts('count')}) r
  GROUP BY 1 HAVING sum(count) <> 0`;

/** ALERT_VERDICTS_PER_BUCKET per whole UTC day, from the daily rollup. */
export const ALERT_VERDICTS_PER_DAY = `
  SELECT day AS bucket,
         sum(count) FILTER (WHERE status = 'FALSE_POSITIVE')::float8 AS false_positive,
         sum(count) FILTER (WHERE status IN ('FALSE_POSITIVE', 'CLOSED'))::float8 AS resolved
  FROM (${dailyAlerts('status, count')}) r GROUP BY 1`;

export const CASES_OPENED_PER_BUCKET = `
  SELECT date_trunc($3, hour, 'UTC') AS bucket, sum(count)::float8 AS count
  FROM (${rollup('metrics_case_hourly', 'hour')}) r
  GROUP BY 1 HAVING sum(count) <> 0`;

/**
 * The latest verdict of each source IP in $1 (the newest observable of it that was enriched,
 * worst over its providers) and its asset. One observable type per value keeps the index's
 * created_at order, so the lookup stops at the first enriched observable.
 */
export const SOURCE_CONTEXT = `
  SELECT ip.value,
         (SELECT (SELECT e.verdict::text FROM enrichment_results e WHERE e.observable_id = o.id
                   ORDER BY array_position(ARRAY['MALICIOUS','SUSPICIOUS','HARMLESS','UNKNOWN'], e.verdict::text)
                   LIMIT 1)
            FROM observables o
           WHERE o.type = (CASE WHEN ip.value LIKE '%:%' THEN 'IPV6' ELSE 'IPV4' END)::"ObservableType"
             AND o.value = ip.value
             AND EXISTS (SELECT 1 FROM enrichment_results e WHERE e.observable_id = o.id)
           ORDER BY o.created_at DESC LIMIT 1) AS verdict,
         (SELECT json_build_object('id', a.id, 'hostname', a.hostname, 'criticality', a.criticality)
            FROM assets a WHERE a.ip = ip.value ORDER BY a.hostname LIMIT 1) AS asset
  FROM unnest($1::text[]) AS ip(value)`;

/** [from, to) as SQL over a timestamp column. */
type Range = readonly [from: string, to: string];
const within = (column: string, ranges: readonly Range[]) =>
  `(${ranges.map(([from, to]) => `(${column} >= ${from} AND ${column} < ${to})`).join(' OR ')})`;

/**
 * Every duration (figure, case severity, end time, milliseconds) ending in `ranges`, from the
 * indexed end-time columns. The figures are defined once, by the metrics_case_spans and
 * metrics_action_spans SQL functions that the histogram's triggers also use. Lateral lookups
 * (LIMIT 1 keeps the planner from turning them into joins): a window edge holds few rows, and
 * probing the primary keys beats hashing every case.
 */
const spans = (ranges: readonly Range[]) => `
  SELECT * FROM (
    SELECT d.figure, c.severity::text AS severity, d.at, d.millis FROM cases c
    LEFT JOIN LATERAL (SELECT f.first_received_at FROM metrics_case_first_alert f
                        WHERE f.case_id = c.id LIMIT 1) f ON true
    CROSS JOIN LATERAL metrics_case_spans(c, f.first_received_at) d
    WHERE ${within('c.acknowledged_at', ranges)} OR ${within('c.closed_at', ranges)}
    UNION ALL
    SELECT d.figure, c.severity, d.at, d.millis FROM actions x
    CROSS JOIN LATERAL (SELECT c.severity::text FROM cases c WHERE c.id = x.case_id LIMIT 1) c
    CROSS JOIN LATERAL metrics_action_spans(x) d
    WHERE ${within('x.executed_at', ranges)} OR ${within('x.decided_at', ranges)}
  ) s WHERE ${within('s.at', ranges)}`;

/** Exact count, mean, p50 and p90 (seconds) of the figures in $3 ending in [$1, $2), overall (severity null) and per severity. */
export const EXACT_DURATIONS = `
  SELECT figure, severity, count(*)::int AS count,
         round(avg(millis) / 1000, 3)::float8 AS mean,
         percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY millis) AS percentiles
  FROM (${spans([['$1', '$2']])}) s WHERE figure = ANY($3)
  GROUP BY figure, GROUPING SETS ((), (severity))`;

/**
 * The durations ending in [$1, $2) as histogram buckets per figure and severity. $3..$4 are its
 * whole UTC hours and $5..$6 the whole days inside those: days come from the daily histogram,
 * the other whole hours from the hourly one, pending deltas from their table, and only the
 * partial hours at the edges from the base tables.
 */
export const DURATION_HISTOGRAM = `
  SELECT figure, severity, bucket, sum(count::float8) AS count, sum(millis::float8) AS millis
  FROM (
    SELECT figure, severity, bucket, count, millis FROM metrics_duration_daily
    WHERE day >= $5 AND day < $6
    UNION ALL
    SELECT figure, severity, bucket, count, millis FROM metrics_duration_hourly
    WHERE ${within('hour', [
      ['$3', '$5'],
      ['$6', '$4'],
    ])}
    UNION ALL
    SELECT figure, severity, bucket, count, millis FROM metrics_duration_hourly_delta
    WHERE hour >= $3 AND hour < $4
    UNION ALL
    SELECT figure, severity, metrics_duration_bucket(millis), 1, millis
    FROM (${spans([
      ['$1', '$3'],
      ['$4', '$2'],
    ])}) e
  ) b
  GROUP BY 1, 2, 3 HAVING sum(count::float8) <> 0`;

const meanPerBucket = (rows: string) => `
  SELECT bucket, sum(count::float8) AS count,
         round(sum(millis)::numeric / sum(count) / 1000, 3)::float8 AS mean
  FROM (${rows}) r GROUP BY 1 HAVING sum(count) <> 0`;

/** Count and mean seconds of figure $3 per UTC hour in whole hours [$1, $2). */
export const DURATIONS_PER_HOUR = meanPerBucket(`
  SELECT hour AS bucket, count, millis FROM metrics_duration_hourly
  WHERE hour >= $1 AND hour < $2 AND figure = $3
  UNION ALL
  SELECT hour, count, millis FROM metrics_duration_hourly_delta
  WHERE hour >= $1 AND hour < $2 AND figure = $3`);

/** The same per UTC day in whole days [$1, $2). */
export const DURATIONS_PER_DAY = meanPerBucket(`
  SELECT day AS bucket, count, millis FROM metrics_duration_daily
  WHERE day >= $1 AND day < $2 AND figure = $3
  UNION ALL
  SELECT date_trunc('day', hour, 'UTC'), count, millis FROM metrics_duration_hourly_delta
  WHERE hour >= $1 AND hour < $2 AND figure = $3`);

const OPEN = `c.status IN ('NEW', 'IN_TRIAGE', 'INVESTIGATING', 'CONTAINED')`;

/**
 * Open cases past a deadline ($1 = now) or past 75% of the way to it: the acknowledge deadline
 * while unacknowledged, the resolve deadline always. Classified from cases_open_deadlines_idx
 * alone; the totals are counts and only the first $2 of each list are read from the table.
 */
export const SLA_EXPOSURE = `
  WITH classified AS (
    SELECT c.id, c.number, c.created_at, d.kind, d.due_at,
           CASE WHEN d.due_at <= $1 THEN 'breach'
                WHEN $1 >= c.created_at + (d.due_at - c.created_at) * 0.75 THEN 'at_risk' END AS state
    FROM cases c
    CROSS JOIN LATERAL (VALUES ('acknowledge', CASE WHEN c.acknowledged_at IS NULL THEN c.ack_due_at END),
                               ('resolve', c.due_at)) d(kind, due_at)
    WHERE ${OPEN} AND d.due_at IS NOT NULL
  ), totals AS (
    SELECT count(*) FILTER (WHERE state = 'breach')::int AS breach,
           count(*) FILTER (WHERE state = 'at_risk')::int AS at_risk
    FROM classified
  ), listed AS (
    (SELECT * FROM classified WHERE state = 'breach' ORDER BY due_at, number, kind LIMIT $2)
    UNION ALL
    (SELECT * FROM classified WHERE state = 'at_risk' ORDER BY due_at, number, kind LIMIT $2)
  )
  SELECT l.id, l.number, c.title, c.severity::text AS severity, l.kind, l.state, l.created_at,
         l.due_at, CASE l.state WHEN 'breach' THEN t.breach ELSE t.at_risk END AS total
  FROM listed l JOIN cases c ON c.id = l.id CROSS JOIN totals t
  ORDER BY l.state, l.due_at, l.number, l.kind`;

export const COMPACT = 'SELECT metrics_compact()';

/** Scrape-time gauges: jobs waiting or running per queue (pg-boss's table). */
export const queueDepth = (schema: string) => `
  SELECT name AS queue, state::text AS state, count(*)::float8 AS count FROM ${schema}.job
  WHERE state IN ('created', 'retry', 'active') GROUP BY 1, 2`;

/** All-time totals (a few rows) plus pending deltas. */
export const ACTIONS_BY_TYPE_STATUS = `
  SELECT action_type, status, sum(count)::float8 AS count FROM (
    SELECT action_type, status, count FROM metrics_action_totals
    UNION ALL SELECT action_type, status, count FROM metrics_action_hourly_delta) r
  GROUP BY 1, 2 HAVING sum(count) <> 0`;

export const PLAYBOOK_RUNS_BY_STATUS = `
  SELECT status::text AS status, count(*)::float8 AS count FROM playbook_runs GROUP BY 1`;

/** Read from cases_open_deadlines_idx alone. */
export const OPEN_CASES = `
  SELECT c.severity::text AS severity, count(*)::float8 AS count,
         count(*) FILTER (WHERE c.acknowledged_at IS NULL AND c.ack_due_at <= now())::float8 AS ack_breached,
         count(*) FILTER (WHERE c.due_at <= now())::float8 AS resolve_breached
  FROM cases c WHERE ${OPEN} GROUP BY 1`;
