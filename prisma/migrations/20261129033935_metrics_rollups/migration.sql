-- CreateTable
CREATE TABLE "metrics_alert_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "auto_closed" BOOLEAN NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_alert_hourly_pkey" PRIMARY KEY ("hour","severity","status","source","connector","auto_closed")
);

-- CreateTable
CREATE TABLE "metrics_alert_hourly_delta" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "connector" TEXT NOT NULL,
    "auto_closed" BOOLEAN NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_alert_hourly_delta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics_alert_facet_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_alert_facet_hourly_pkey" PRIMARY KEY ("hour","facet","value")
);

-- CreateTable
CREATE TABLE "metrics_alert_facet_hourly_delta" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_alert_facet_hourly_delta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics_case_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "resolution" TEXT NOT NULL,
    "merged" BOOLEAN NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_case_hourly_pkey" PRIMARY KEY ("hour","status","severity","resolution","merged")
);

-- CreateTable
CREATE TABLE "metrics_case_hourly_delta" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "resolution" TEXT NOT NULL,
    "merged" BOOLEAN NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_case_hourly_delta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics_action_hourly" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "action_type" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_action_hourly_pkey" PRIMARY KEY ("hour","status","action_type")
);

-- CreateTable
CREATE TABLE "metrics_action_hourly_delta" (
    "id" BIGSERIAL NOT NULL,
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "status" TEXT NOT NULL,
    "action_type" TEXT NOT NULL,
    "count" BIGINT NOT NULL,

    CONSTRAINT "metrics_action_hourly_delta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "metrics_case_first_alert" (
    "case_id" UUID NOT NULL,
    "first_received_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "metrics_case_first_alert_pkey" PRIMARY KEY ("case_id")
);

-- CreateIndex
CREATE INDEX "actions_executed_at_idx" ON "actions"("executed_at");

-- CreateIndex
CREATE INDEX "cases_acknowledged_at_idx" ON "cases"("acknowledged_at");

-- CreateIndex
CREATE INDEX "cases_closed_at_idx" ON "cases"("closed_at");

-- Metrics rollups, kept exact by statement-level triggers with transition tables: each
-- INSERT/UPDATE/DELETE statement appends its net change per bucket to a *_delta table
-- (append-only, so concurrent writers never wait on a shared counter row); metrics_compact()
-- folds the deltas into the rollups. Readers add rollup + pending deltas.

-- TG_ARGV: 0 delta table, 1 its columns, 2 bucket expressions over the changed rows (as "r"),
-- 3 how many bucket columns, 4 an optional extra FROM item (a LATERAL unpivot) and 5 a filter.
CREATE FUNCTION metrics_record_delta() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT r, 1 AS sign FROM new_rows r'
    WHEN 'DELETE' THEN 'SELECT r, -1 AS sign FROM old_rows r'
    ELSE 'SELECT r, 1 AS sign FROM new_rows r UNION ALL SELECT r, -1 FROM old_rows r'
  END;
  grouping text := (SELECT string_agg(n::text, ',') FROM generate_series(1, TG_ARGV[3]::int) n);
BEGIN
  EXECUTE format(
    'INSERT INTO %I (%s, count) SELECT %s, sum(c.sign) FROM (%s) c(row_value, sign) '
    'CROSS JOIN LATERAL (SELECT (c.row_value).*) r %s WHERE %s GROUP BY %s HAVING sum(c.sign) <> 0',
    TG_ARGV[0], TG_ARGV[1], TG_ARGV[2], changed, TG_ARGV[4], TG_ARGV[5], grouping);
  RETURN NULL;
END $$;

-- An UPDATE counts only the rows whose case changed (a link or a merge moving alerts).
CREATE FUNCTION metrics_track_first_alert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  linked text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT n.case_id, n.received_at FROM new_rows n WHERE n.case_id IS NOT NULL'
    ELSE 'SELECT n.case_id, n.received_at FROM new_rows n JOIN old_rows o ON o.id = n.id '
         'WHERE n.case_id IS NOT NULL AND n.case_id IS DISTINCT FROM o.case_id'
  END;
BEGIN
  EXECUTE format(
    'INSERT INTO metrics_case_first_alert (case_id, first_received_at) '
    'SELECT case_id, min(received_at) FROM (%s) l GROUP BY case_id ORDER BY case_id '
    'ON CONFLICT (case_id) DO UPDATE SET first_received_at = excluded.first_received_at '
    'WHERE excluded.first_received_at < metrics_case_first_alert.first_received_at', linked);
  RETURN NULL;
END $$;

CREATE FUNCTION metrics_compact() RETURNS void LANGUAGE sql AS $$
  WITH moved AS (DELETE FROM metrics_alert_hourly_delta RETURNING *)
  INSERT INTO metrics_alert_hourly AS t (hour, severity, status, source, connector, auto_closed, count)
  SELECT hour, severity, status, source, connector, auto_closed, sum(count) FROM moved
  GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6
  ON CONFLICT (hour, severity, status, source, connector, auto_closed)
  DO UPDATE SET count = t.count + excluded.count;

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

  WITH moved AS (DELETE FROM metrics_action_hourly_delta RETURNING *)
  INSERT INTO metrics_action_hourly AS t (hour, status, action_type, count)
  SELECT hour, status, action_type, sum(count) FROM moved GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
  ON CONFLICT (hour, status, action_type) DO UPDATE SET count = t.count + excluded.count;
$$;

CREATE TRIGGER metrics_alerts_ins AFTER INSERT ON alerts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_alert_hourly_delta',
  'hour, severity, status, source, connector, auto_closed',
  'date_trunc(''hour'', r.received_at, ''UTC''), coalesce(r.severity::text, ''NONE''), r.status::text, r.source, r.connector, r.auto_closed',
  '6', '', 'true');
CREATE TRIGGER metrics_alerts_upd AFTER UPDATE ON alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_alert_hourly_delta',
  'hour, severity, status, source, connector, auto_closed',
  'date_trunc(''hour'', r.received_at, ''UTC''), coalesce(r.severity::text, ''NONE''), r.status::text, r.source, r.connector, r.auto_closed',
  '6', '', 'true');
CREATE TRIGGER metrics_alerts_del AFTER DELETE ON alerts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_alert_hourly_delta',
  'hour, severity, status, source, connector, auto_closed',
  'date_trunc(''hour'', r.received_at, ''UTC''), coalesce(r.severity::text, ''NONE''), r.status::text, r.source, r.connector, r.auto_closed',
  '6', '', 'true');

CREATE TRIGGER metrics_alert_facets_ins AFTER INSERT ON alerts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_alert_facet_hourly_delta',
  'hour, facet, value', 'date_trunc(''hour'', r.received_at, ''UTC''), f.facet, f.value', '3',
  'CROSS JOIN LATERAL (VALUES (''src_ip'', r.normalized->>''srcIp''), (''rule'', r.normalized->>''ruleName''), (''category'', r.normalized->''tags''->>0)) f(facet, value)',
  'f.value IS NOT NULL');
CREATE TRIGGER metrics_alert_facets_upd AFTER UPDATE ON alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_alert_facet_hourly_delta',
  'hour, facet, value', 'date_trunc(''hour'', r.received_at, ''UTC''), f.facet, f.value', '3',
  'CROSS JOIN LATERAL (VALUES (''src_ip'', r.normalized->>''srcIp''), (''rule'', r.normalized->>''ruleName''), (''category'', r.normalized->''tags''->>0)) f(facet, value)',
  'f.value IS NOT NULL');
CREATE TRIGGER metrics_alert_facets_del AFTER DELETE ON alerts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_alert_facet_hourly_delta',
  'hour, facet, value', 'date_trunc(''hour'', r.received_at, ''UTC''), f.facet, f.value', '3',
  'CROSS JOIN LATERAL (VALUES (''src_ip'', r.normalized->>''srcIp''), (''rule'', r.normalized->>''ruleName''), (''category'', r.normalized->''tags''->>0)) f(facet, value)',
  'f.value IS NOT NULL');

CREATE TRIGGER metrics_alerts_first_ins AFTER INSERT ON alerts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_track_first_alert();
CREATE TRIGGER metrics_alerts_first_upd AFTER UPDATE ON alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_track_first_alert();

CREATE TRIGGER metrics_cases_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_case_hourly_delta',
  'hour, status, severity, resolution, merged',
  'date_trunc(''hour'', r.created_at, ''UTC''), r.status::text, r.severity::text, coalesce(r.resolution::text, ''NONE''), r.merged_into_id IS NOT NULL',
  '5', '', 'true');
CREATE TRIGGER metrics_cases_upd AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_case_hourly_delta',
  'hour, status, severity, resolution, merged',
  'date_trunc(''hour'', r.created_at, ''UTC''), r.status::text, r.severity::text, coalesce(r.resolution::text, ''NONE''), r.merged_into_id IS NOT NULL',
  '5', '', 'true');
CREATE TRIGGER metrics_cases_del AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_case_hourly_delta',
  'hour, status, severity, resolution, merged',
  'date_trunc(''hour'', r.created_at, ''UTC''), r.status::text, r.severity::text, coalesce(r.resolution::text, ''NONE''), r.merged_into_id IS NOT NULL',
  '5', '', 'true');

CREATE TRIGGER metrics_actions_ins AFTER INSERT ON actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_action_hourly_delta',
  'hour, status, action_type', 'date_trunc(''hour'', r.created_at, ''UTC''), r.status::text, r.action_type::text', '3', '', 'true');
CREATE TRIGGER metrics_actions_upd AFTER UPDATE ON actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_action_hourly_delta',
  'hour, status, action_type', 'date_trunc(''hour'', r.created_at, ''UTC''), r.status::text, r.action_type::text', '3', '', 'true');
CREATE TRIGGER metrics_actions_del AFTER DELETE ON actions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_record_delta('metrics_action_hourly_delta',
  'hour, status, action_type', 'date_trunc(''hour'', r.created_at, ''UTC''), r.status::text, r.action_type::text', '3', '', 'true');

-- Backfill from the rows that exist already.
INSERT INTO metrics_alert_hourly_delta (hour, severity, status, source, connector, auto_closed, count)
SELECT date_trunc('hour', received_at, 'UTC'), coalesce(severity::text, 'NONE'), status::text, source, connector, auto_closed, count(*)
FROM alerts GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO metrics_alert_facet_hourly_delta (hour, facet, value, count)
SELECT date_trunc('hour', a.received_at, 'UTC'), f.facet, f.value, count(*) FROM alerts a
CROSS JOIN LATERAL (VALUES ('src_ip', a.normalized->>'srcIp'), ('rule', a.normalized->>'ruleName'), ('category', a.normalized->'tags'->>0)) f(facet, value)
WHERE f.value IS NOT NULL GROUP BY 1, 2, 3;
INSERT INTO metrics_case_first_alert (case_id, first_received_at)
SELECT case_id, min(received_at) FROM alerts WHERE case_id IS NOT NULL GROUP BY 1;
INSERT INTO metrics_case_hourly_delta (hour, status, severity, resolution, merged, count)
SELECT date_trunc('hour', created_at, 'UTC'), status::text, severity::text, coalesce(resolution::text, 'NONE'), merged_into_id IS NOT NULL, count(*)
FROM cases GROUP BY 1, 2, 3, 4, 5;
INSERT INTO metrics_action_hourly_delta (hour, status, action_type, count)
SELECT date_trunc('hour', created_at, 'UTC'), status::text, action_type::text, count(*) FROM actions GROUP BY 1, 2, 3;
SELECT metrics_compact();
