-- CreateTable
CREATE TABLE "metrics_alert_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_alert_daily_pkey" PRIMARY KEY ("day","status")
);

-- CreateTable
CREATE TABLE "metrics_action_totals" (
    "status" TEXT NOT NULL,
    "action_type" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_action_totals_pkey" PRIMARY KEY ("status","action_type")
);

-- CreateTable
CREATE TABLE "metrics_duration_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "figure" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    "millis" BIGINT NOT NULL,

    CONSTRAINT "metrics_duration_hourly_pkey" PRIMARY KEY ("hour","figure","severity","bucket")
);

-- CreateTable
CREATE TABLE "metrics_duration_hourly_delta" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "figure" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    "millis" BIGINT NOT NULL,

    CONSTRAINT "metrics_duration_hourly_delta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics_duration_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "figure" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "bucket" INTEGER NOT NULL,
    "count" BIGINT NOT NULL,
    "millis" BIGINT NOT NULL,

    CONSTRAINT "metrics_duration_daily_pkey" PRIMARY KEY ("day","figure","severity","bucket")
);

-- Durations: one definition of each figure (the spans functions), used by the triggers, by the
-- rebuild and by the API's reads, so the histogram and the exact percentiles agree.

-- Log-scale bucket of a duration: whole seconds below 64 s, then 16 buckets per doubling (each
-- about 4.4% wide). Mirrored by durationBucketBounds() in src/modules/metrics/metrics-math.ts.
CREATE FUNCTION metrics_duration_bucket(millis bigint) RETURNS integer
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE WHEN millis < 64000 THEN greatest(millis, 0)::integer / 1000
              ELSE 64 + floor(16 * ln(millis / 64000.0) / ln(2))::integer END
$$;

CREATE FUNCTION metrics_millis(elapsed interval) RETURNS bigint
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT round(extract(epoch FROM elapsed) * 1000)::bigint $$;

-- A case's MTTA (first linked alert or creation -> acknowledged) and MTTR (opened -> closed),
-- ending at `at`; none for a case merged into another.
CREATE FUNCTION metrics_case_spans(c cases, first_received_at timestamptz)
RETURNS TABLE (figure text, at timestamptz, millis bigint) LANGUAGE sql STABLE AS $$
  SELECT s.figure, s.at, s.millis FROM (VALUES
    ('mtta', c.acknowledged_at, metrics_millis(c.acknowledged_at - least(first_received_at, c.created_at))),
    ('mttr', c.closed_at, metrics_millis(c.closed_at - c.created_at))) s(figure, at, millis)
  WHERE c.merged_into_id IS NULL AND s.at IS NOT NULL
$$;

-- An action's MTTE (requested -> executed), execution (approved, or requested when no approval
-- was needed -> executed) and approval wait (requested -> approved).
CREATE FUNCTION metrics_action_spans(x actions)
RETURNS TABLE (figure text, at timestamptz, millis bigint) LANGUAGE sql STABLE AS $$
  SELECT s.figure, s.at, s.millis FROM (VALUES
    ('mte', CASE WHEN x.status = 'EXECUTED' THEN x.executed_at END,
     metrics_millis(x.executed_at - x.created_at)),
    ('execution', CASE WHEN x.status = 'EXECUTED' THEN x.executed_at END,
     metrics_millis(x.executed_at - coalesce(x.decided_at, x.created_at))),
    ('approval', CASE WHEN x.requires_approval
                       AND x.status IN ('APPROVED', 'EXECUTING', 'EXECUTED', 'FAILED') THEN x.decided_at END,
     metrics_millis(x.decided_at - x.created_at))) s(figure, at, millis)
  WHERE s.at IS NOT NULL
$$;

-- Cases added (+1) and removed (-1), and the actions of cases whose severity changed.
-- PL/pgSQL rather than SQL: its statements' plans are cached per session, an SQL function's
-- are made again on every call (per case write in an alert storm).
CREATE FUNCTION metrics_record_case_durations(added cases[], removed cases[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_duration_hourly_delta (hour, figure, severity, bucket, count, millis)
  SELECT date_trunc('hour', d.at, 'UTC'), d.figure, c.severity, metrics_duration_bucket(d.millis),
         sum(c.sign), sum(c.sign * d.millis)
  FROM (SELECT a, a.severity::text AS severity, 1 AS sign FROM unnest(added) a
        UNION ALL SELECT r, r.severity::text, -1 FROM unnest(removed) r) c(row_value, severity, sign)
  LEFT JOIN metrics_case_first_alert f ON f.case_id = (c.row_value).id
  CROSS JOIN LATERAL metrics_case_spans(c.row_value, f.first_received_at) d
  GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0 OR sum(c.sign * d.millis) <> 0;

  INSERT INTO metrics_duration_hourly_delta (hour, figure, severity, bucket, count, millis)
  SELECT date_trunc('hour', d.at, 'UTC'), d.figure, m.severity, metrics_duration_bucket(d.millis),
         sum(m.sign), sum(m.sign * d.millis)
  FROM (SELECT n.id, n.severity::text, 1 FROM unnest(added) n JOIN unnest(removed) o USING (id)
        WHERE n.severity <> o.severity
        UNION ALL
        SELECT o.id, o.severity::text, -1 FROM unnest(added) n JOIN unnest(removed) o USING (id)
        WHERE n.severity <> o.severity) m(case_id, severity, sign)
  JOIN actions x ON x.case_id = m.case_id
  CROSS JOIN LATERAL metrics_action_spans(x) d
  GROUP BY 1, 2, 3, 4 HAVING sum(m.sign) <> 0;
END $$;

-- Actions added (+1) and removed (-1), filed under their case's severity.
CREATE FUNCTION metrics_record_action_durations(added actions[], removed actions[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_duration_hourly_delta (hour, figure, severity, bucket, count, millis)
  SELECT date_trunc('hour', d.at, 'UTC'), d.figure, k.severity::text, metrics_duration_bucket(d.millis),
         sum(c.sign), sum(c.sign * d.millis)
  FROM (SELECT a, 1 FROM unnest(added) a UNION ALL SELECT r, -1 FROM unnest(removed) r) c(row_value, sign)
  JOIN cases k ON k.id = (c.row_value).case_id
  CROSS JOIN LATERAL metrics_action_spans(c.row_value) d
  GROUP BY 1, 2, 3, 4 HAVING sum(c.sign) <> 0 OR sum(c.sign * d.millis) <> 0;
END $$;

-- The rollup triggers of cases and actions also keep the duration histogram (one trigger call
-- per statement, as before). Only rows whose durations can change are passed on: most case
-- writes (a linked alert, a title) touch none of these columns and cost one comparison.
CREATE OR REPLACE FUNCTION metrics_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO metrics_case_hourly_delta (hour, status, severity, resolution, merged, count)
    SELECT date_trunc('hour', created_at, 'UTC'), status::text, severity::text,
           coalesce(resolution::text, 'NONE'), merged_into_id IS NOT NULL, count(*)
    FROM new_rows GROUP BY 1, 2, 3, 4, 5;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO metrics_case_hourly_delta (hour, status, severity, resolution, merged, count)
    SELECT hour, status, severity, resolution, merged, sum(sign) FROM (
      SELECT date_trunc('hour', created_at, 'UTC') AS hour, status::text AS status, severity::text AS severity,
             coalesce(resolution::text, 'NONE') AS resolution, merged_into_id IS NOT NULL AS merged, 1 AS sign
      FROM new_rows
      UNION ALL
      SELECT date_trunc('hour', created_at, 'UTC'), status::text, severity::text,
             coalesce(resolution::text, 'NONE'), merged_into_id IS NOT NULL, -1 FROM old_rows) c
    GROUP BY 1, 2, 3, 4, 5 HAVING sum(sign) <> 0;
  ELSE
    INSERT INTO metrics_case_hourly_delta (hour, status, severity, resolution, merged, count)
    SELECT date_trunc('hour', created_at, 'UTC'), status::text, severity::text,
           coalesce(resolution::text, 'NONE'), merged_into_id IS NOT NULL, -count(*)
    FROM old_rows GROUP BY 1, 2, 3, 4, 5;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM metrics_record_case_durations(array_agg(ROW(n.*)::cases), '{}') FROM new_rows n
    HAVING count(*) FILTER (WHERE n.acknowledged_at IS NOT NULL OR n.closed_at IS NOT NULL) > 0;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM metrics_record_case_durations(array_agg(ROW(n.*)::cases), array_agg(ROW(o.*)::cases))
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.acknowledged_at, n.closed_at, n.created_at, n.severity, n.merged_into_id)
          IS DISTINCT FROM (o.acknowledged_at, o.closed_at, o.created_at, o.severity, o.merged_into_id)
    HAVING count(*) > 0;
  ELSE
    PERFORM metrics_record_case_durations('{}', array_agg(ROW(o.*)::cases)) FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION metrics_actions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO metrics_action_hourly_delta (hour, status, action_type, count)
    SELECT date_trunc('hour', created_at, 'UTC'), status::text, action_type::text, count(*)
    FROM new_rows GROUP BY 1, 2, 3;
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO metrics_action_hourly_delta (hour, status, action_type, count)
    SELECT hour, status, action_type, sum(sign) FROM (
      SELECT date_trunc('hour', created_at, 'UTC') AS hour, status::text AS status,
             action_type::text AS action_type, 1 AS sign FROM new_rows
      UNION ALL
      SELECT date_trunc('hour', created_at, 'UTC'), status::text, action_type::text, -1 FROM old_rows) c
    GROUP BY 1, 2, 3 HAVING sum(sign) <> 0;
  ELSE
    INSERT INTO metrics_action_hourly_delta (hour, status, action_type, count)
    SELECT date_trunc('hour', created_at, 'UTC'), status::text, action_type::text, -count(*)
    FROM old_rows GROUP BY 1, 2, 3;
  END IF;
  IF TG_OP = 'INSERT' THEN
    PERFORM metrics_record_action_durations(array_agg(ROW(n.*)::actions), '{}') FROM new_rows n
    HAVING count(*) FILTER (WHERE n.executed_at IS NOT NULL OR n.decided_at IS NOT NULL) > 0;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM metrics_record_action_durations(array_agg(ROW(n.*)::actions), array_agg(ROW(o.*)::actions))
    FROM new_rows n JOIN old_rows o ON o.id = n.id
    WHERE (n.status, n.executed_at, n.decided_at, n.created_at, n.requires_approval, n.case_id)
          IS DISTINCT FROM (o.status, o.executed_at, o.decided_at, o.created_at, o.requires_approval, o.case_id)
    HAVING count(*) > 0;
  ELSE
    PERFORM metrics_record_action_durations('{}', array_agg(ROW(o.*)::actions)) FROM old_rows o;
  END IF;
  RETURN NULL;
END $$;

-- Alerts linked to cases (the alerts triggers call it only for statements that link any):
-- lower each case's first-alert time. While none of the cases is acknowledged (a storm's new
-- cases) that is the plain upsert. Otherwise it also moves the MTTA of a case whose start moved,
-- and the row lock makes a concurrent link wait, so the old time read is the one in force.
-- Cases are probed by primary key in a scalar subquery, not joined: a plan hashing all of cases,
-- cached while cases was small, would scan it on every link.
CREATE FUNCTION metrics_link_first_alerts(case_ids uuid[], received timestamptz[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM unnest(case_ids) l(case_id) WHERE (
                   SELECT c.acknowledged_at IS NOT NULL AND c.merged_into_id IS NULL
                   FROM cases c WHERE c.id = l.case_id)) THEN
    INSERT INTO metrics_case_first_alert AS t (case_id, first_received_at)
    SELECT l.case_id, min(l.at) FROM unnest(case_ids, received) l(case_id, at)
    GROUP BY 1 ORDER BY 1
    ON CONFLICT (case_id) DO UPDATE SET first_received_at = excluded.first_received_at
    WHERE excluded.first_received_at < t.first_received_at;
    RETURN;
  END IF;
  PERFORM 1 FROM metrics_case_first_alert WHERE case_id = ANY(case_ids) ORDER BY case_id FOR UPDATE;
  WITH linked AS (
    SELECT l.case_id, min(l.at) AS at FROM unnest(case_ids, received) l(case_id, at) GROUP BY 1
  ), lowered AS (
    SELECT l.case_id, f.first_received_at AS old_at, l.at AS new_at
    FROM linked l LEFT JOIN metrics_case_first_alert f ON f.case_id = l.case_id
    WHERE f.case_id IS NULL OR l.at < f.first_received_at
  ), stored AS (
    INSERT INTO metrics_case_first_alert AS t (case_id, first_received_at)
    SELECT case_id, new_at FROM lowered ORDER BY case_id
    ON CONFLICT (case_id) DO UPDATE SET first_received_at = excluded.first_received_at
    WHERE excluded.first_received_at < t.first_received_at
  )
  INSERT INTO metrics_duration_hourly_delta (hour, figure, severity, bucket, count, millis)
  SELECT date_trunc('hour', c.acknowledged_at, 'UTC'), 'mtta', c.severity::text,
         metrics_duration_bucket(s.millis), sum(s.sign), sum(s.sign * s.millis)
  FROM lowered m JOIN cases c ON c.id = m.case_id
  CROSS JOIN LATERAL (VALUES
    (-1, metrics_millis(c.acknowledged_at - least(m.old_at, c.created_at))),
    (1, metrics_millis(c.acknowledged_at - least(m.new_at, c.created_at)))) s(sign, millis)
  WHERE c.acknowledged_at IS NOT NULL AND c.merged_into_id IS NULL
  GROUP BY 1, 2, 3, 4 HAVING sum(s.sign) <> 0 OR sum(s.sign * s.millis) <> 0;
END $$;

CREATE OR REPLACE FUNCTION metrics_alerts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_alert_hourly_delta (hour, severity, status, source, connector, auto_closed, count)
  SELECT date_trunc('hour', received_at, 'UTC'), coalesce(severity::text, 'NONE'), status::text,
         source, connector, auto_closed, count(*)
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO metrics_alert_facet_hourly_delta (hour, facet, value, count)
  SELECT date_trunc('hour', r.received_at, 'UTC'), f.facet, f.value, count(*)
  FROM new_rows r
  CROSS JOIN LATERAL (VALUES ('src_ip', r.normalized->>'srcIp'), ('rule', r.normalized->>'ruleName'),
                             ('category', r.normalized->'tags'->>0)) f(facet, value)
  WHERE r.normalized IS NOT NULL AND f.value IS NOT NULL GROUP BY 1, 2, 3;
  PERFORM metrics_link_first_alerts(array_agg(case_id), array_agg(received_at))
  FROM new_rows WHERE case_id IS NOT NULL HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION metrics_alerts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_alert_hourly_delta (hour, severity, status, source, connector, auto_closed, count)
  SELECT hour, severity, status, source, connector, auto_closed, sum(sign) FROM (
    SELECT date_trunc('hour', received_at, 'UTC') AS hour, coalesce(severity::text, 'NONE') AS severity,
           status::text AS status, source, connector, auto_closed, 1 AS sign FROM new_rows
    UNION ALL
    SELECT date_trunc('hour', received_at, 'UTC'), coalesce(severity::text, 'NONE'), status::text,
           source, connector, auto_closed, -1 FROM old_rows) c
  GROUP BY 1, 2, 3, 4, 5, 6 HAVING sum(sign) <> 0;
  INSERT INTO metrics_alert_facet_hourly_delta (hour, facet, value, count)
  SELECT hour, facet, value, sum(sign) FROM (
    SELECT date_trunc('hour', r.received_at, 'UTC') AS hour, f.facet, f.value, 1 AS sign
    FROM new_rows r
    CROSS JOIN LATERAL (VALUES ('src_ip', r.normalized->>'srcIp'), ('rule', r.normalized->>'ruleName'),
                               ('category', r.normalized->'tags'->>0)) f(facet, value)
    WHERE r.normalized IS NOT NULL AND f.value IS NOT NULL
    UNION ALL
    SELECT date_trunc('hour', r.received_at, 'UTC'), f.facet, f.value, -1
    FROM old_rows r
    CROSS JOIN LATERAL (VALUES ('src_ip', r.normalized->>'srcIp'), ('rule', r.normalized->>'ruleName'),
                               ('category', r.normalized->'tags'->>0)) f(facet, value)
    WHERE r.normalized IS NOT NULL AND f.value IS NOT NULL) c
  GROUP BY 1, 2, 3 HAVING sum(sign) <> 0;
  PERFORM metrics_link_first_alerts(array_agg(n.case_id), array_agg(n.received_at))
  FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.case_id IS NOT NULL AND n.case_id IS DISTINCT FROM o.case_id HAVING count(*) > 0;
  RETURN NULL;
END $$;

-- Recomputes the duration histogram from the base tables: the backfill below, and a repair an
-- operator can run (writers of cases, actions and links wait while it runs).
CREATE FUNCTION metrics_rebuild_durations() RETURNS void LANGUAGE sql AS $$
  LOCK TABLE cases, actions, metrics_case_first_alert IN SHARE MODE;
  DELETE FROM metrics_duration_hourly_delta;
  DELETE FROM metrics_duration_hourly;
  DELETE FROM metrics_duration_daily;
  INSERT INTO metrics_duration_hourly (hour, figure, severity, bucket, count, millis)
  SELECT date_trunc('hour', d.at, 'UTC'), d.figure, d.severity, metrics_duration_bucket(d.millis),
         count(*), sum(d.millis)
  FROM (SELECT s.*, c.severity::text AS severity FROM cases c
        LEFT JOIN metrics_case_first_alert f ON f.case_id = c.id
        CROSS JOIN LATERAL metrics_case_spans(c, f.first_received_at) s
        UNION ALL
        SELECT s.*, c.severity::text FROM actions x JOIN cases c ON c.id = x.case_id
        CROSS JOIN LATERAL metrics_action_spans(x) s) d
  GROUP BY 1, 2, 3, 4;
  INSERT INTO metrics_duration_daily (day, figure, severity, bucket, count, millis)
  SELECT date_trunc('day', hour, 'UTC'), figure, severity, bucket, sum(count), sum(millis)
  FROM metrics_duration_hourly GROUP BY 1, 2, 3, 4;
$$;

SELECT metrics_rebuild_durations();

-- The daily alert series (and the all-time action totals) are folded by the same statement as
-- the hourly rollup. Backfill: fold the pending deltas the old way, then sum the hourly rollup;
-- deltas appended from here on reach both through the new compaction.
SELECT metrics_compact();
INSERT INTO metrics_alert_daily (day, status, count)
SELECT date_trunc('day', hour, 'UTC'), status, sum(count) FROM metrics_alert_hourly
GROUP BY 1, 2 HAVING sum(count) <> 0;
INSERT INTO metrics_action_totals (status, action_type, count)
SELECT status, action_type, sum(count) FROM metrics_action_hourly
GROUP BY 1, 2 HAVING sum(count) <> 0;

CREATE OR REPLACE FUNCTION metrics_compact() RETURNS void LANGUAGE sql AS $$
  WITH moved AS (DELETE FROM metrics_alert_hourly_delta RETURNING *),
  hourly AS (
    INSERT INTO metrics_alert_hourly AS t (hour, severity, status, source, connector, auto_closed, count)
    SELECT hour, severity, status, source, connector, auto_closed, sum(count) FROM moved
    GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (hour, severity, status, source, connector, auto_closed)
    DO UPDATE SET count = t.count + excluded.count
  )
  INSERT INTO metrics_alert_daily AS t (day, status, count)
  SELECT date_trunc('day', hour, 'UTC'), status, sum(count) FROM moved GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (day, status) DO UPDATE SET count = t.count + excluded.count;

  WITH moved AS (DELETE FROM metrics_alert_facet_hourly_delta RETURNING *)
  INSERT INTO metrics_alert_facet_hourly AS t (hour, facet, value, count)
  SELECT hour, facet, value, sum(count) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (hour, facet, value) DO UPDATE SET count = t.count + excluded.count;

  WITH moved AS (DELETE FROM metrics_case_hourly_delta RETURNING *)
  INSERT INTO metrics_case_hourly AS t (hour, status, severity, resolution, merged, count)
  SELECT hour, status, severity, resolution, merged, sum(count) FROM moved
  GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
  ON CONFLICT (hour, status, severity, resolution, merged)
  DO UPDATE SET count = t.count + excluded.count;

  WITH moved AS (DELETE FROM metrics_action_hourly_delta RETURNING *),
  hourly AS (
    INSERT INTO metrics_action_hourly AS t (hour, status, action_type, count)
    SELECT hour, status, action_type, sum(count) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT (hour, status, action_type) DO UPDATE SET count = t.count + excluded.count
  )
  INSERT INTO metrics_action_totals AS t (status, action_type, count)
  SELECT status, action_type, sum(count) FROM moved GROUP BY 1, 2 ORDER BY 1, 2
  ON CONFLICT (status, action_type) DO UPDATE SET count = t.count + excluded.count;

  WITH moved AS (DELETE FROM metrics_duration_hourly_delta RETURNING *),
  hourly AS (
    INSERT INTO metrics_duration_hourly AS t (hour, figure, severity, bucket, count, millis)
    SELECT hour, figure, severity, bucket, sum(count), sum(millis) FROM moved
    GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
    ON CONFLICT (hour, figure, severity, bucket)
    DO UPDATE SET count = t.count + excluded.count, millis = t.millis + excluded.millis
  )
  INSERT INTO metrics_duration_daily AS t (day, figure, severity, bucket, count, millis)
  SELECT date_trunc('day', hour, 'UTC'), figure, severity, bucket, sum(count), sum(millis) FROM moved
  GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
  ON CONFLICT (day, figure, severity, bucket)
  DO UPDATE SET count = t.count + excluded.count, millis = t.millis + excluded.millis;
$$;
