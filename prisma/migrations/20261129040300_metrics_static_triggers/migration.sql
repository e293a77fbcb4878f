-- One trigger per table and event with static SQL (plans cached per session) instead of one
-- dynamic-SQL trigger per rollup: the ingest insert runs one trigger call, not three re-planned
-- statements. Same buckets and sums as metrics_record_delta().

DROP TRIGGER metrics_alerts_ins ON alerts;
DROP TRIGGER metrics_alerts_upd ON alerts;
DROP TRIGGER metrics_alerts_del ON alerts;
DROP TRIGGER metrics_alert_facets_ins ON alerts;
DROP TRIGGER metrics_alert_facets_upd ON alerts;
DROP TRIGGER metrics_alert_facets_del ON alerts;
DROP TRIGGER metrics_alerts_first_ins ON alerts;
DROP TRIGGER metrics_alerts_first_upd ON alerts;
DROP TRIGGER metrics_cases_ins ON cases;
DROP TRIGGER metrics_cases_upd ON cases;
DROP TRIGGER metrics_cases_del ON cases;
DROP TRIGGER metrics_actions_ins ON actions;
DROP TRIGGER metrics_actions_upd ON actions;
DROP TRIGGER metrics_actions_del ON actions;
DROP FUNCTION metrics_record_delta();
DROP FUNCTION metrics_track_first_alert();

CREATE FUNCTION metrics_alerts_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
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
  INSERT INTO metrics_case_first_alert AS t (case_id, first_received_at)
  SELECT case_id, min(received_at) FROM new_rows WHERE case_id IS NOT NULL
  GROUP BY case_id ORDER BY case_id
  ON CONFLICT (case_id) DO UPDATE SET first_received_at = excluded.first_received_at
  WHERE excluded.first_received_at < t.first_received_at;
  RETURN NULL;
END $$;

CREATE FUNCTION metrics_alerts_updated() RETURNS trigger LANGUAGE plpgsql AS $$
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
  INSERT INTO metrics_case_first_alert AS t (case_id, first_received_at)
  SELECT n.case_id, min(n.received_at) FROM new_rows n JOIN old_rows o ON o.id = n.id
  WHERE n.case_id IS NOT NULL AND n.case_id IS DISTINCT FROM o.case_id
  GROUP BY n.case_id ORDER BY n.case_id
  ON CONFLICT (case_id) DO UPDATE SET first_received_at = excluded.first_received_at
  WHERE excluded.first_received_at < t.first_received_at;
  RETURN NULL;
END $$;

CREATE FUNCTION metrics_alerts_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO metrics_alert_hourly_delta (hour, severity, status, source, connector, auto_closed, count)
  SELECT date_trunc('hour', received_at, 'UTC'), coalesce(severity::text, 'NONE'), status::text,
         source, connector, auto_closed, -count(*)
  FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO metrics_alert_facet_hourly_delta (hour, facet, value, count)
  SELECT date_trunc('hour', r.received_at, 'UTC'), f.facet, f.value, -count(*)
  FROM old_rows r
  CROSS JOIN LATERAL (VALUES ('src_ip', r.normalized->>'srcIp'), ('rule', r.normalized->>'ruleName'),
                             ('category', r.normalized->'tags'->>0)) f(facet, value)
  WHERE r.normalized IS NOT NULL AND f.value IS NOT NULL GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;

CREATE FUNCTION metrics_cases_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RETURN NULL;
END $$;

CREATE FUNCTION metrics_actions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
  RETURN NULL;
END $$;

CREATE TRIGGER metrics_alerts_ins AFTER INSERT ON alerts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_alerts_inserted();
CREATE TRIGGER metrics_alerts_upd AFTER UPDATE ON alerts REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_alerts_updated();
CREATE TRIGGER metrics_alerts_del AFTER DELETE ON alerts REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_alerts_deleted();
CREATE TRIGGER metrics_cases_ins AFTER INSERT ON cases REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_cases_changed();
CREATE TRIGGER metrics_cases_upd AFTER UPDATE ON cases REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_cases_changed();
CREATE TRIGGER metrics_cases_del AFTER DELETE ON cases REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_cases_changed();
CREATE TRIGGER metrics_actions_ins AFTER INSERT ON actions REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_actions_changed();
CREATE TRIGGER metrics_actions_upd AFTER UPDATE ON actions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_actions_changed();
CREATE TRIGGER metrics_actions_del AFTER DELETE ON actions REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION metrics_actions_changed();
