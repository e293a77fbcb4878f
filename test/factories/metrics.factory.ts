/** The metrics e2e suites' known data set (PostgreSQL and embedded), and the rollup recount. */

/** The instant the metrics clock is pinned to while the data set is read. */
export const METRICS_NOW = new Date('2026-03-10T12:30:00Z');

export const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A known data set; the expected figures below are worked out by hand from it. */
export const METRICS_SEED = `
INSERT INTO assets (id, hostname, ip, criticality, updated_at)
VALUES ('${id(900)}', 'edge-fw', '198.51.100.1', 'HIGH', now());

INSERT INTO cases (id, title, status, severity, resolution, merged_into_id, created_at, updated_at,
                   acknowledged_at, closed_at, ack_due_at, due_at) VALUES
 ('${id(101)}', 'C1', 'CLOSED', 'HIGH', 'FALSE_POSITIVE', NULL, '2026-03-10T10:00Z', now(),
  '2026-03-10T10:30Z', '2026-03-10T12:00Z', '2026-03-10T11:00Z', '2026-03-11T10:00Z'),
 ('${id(102)}', 'C2', 'CLOSED', 'MEDIUM', 'TRUE_POSITIVE', NULL, '2026-03-10T08:00Z', now(),
  '2026-03-10T08:10Z', '2026-03-10T09:00Z', '2026-03-10T12:00Z', '2026-03-13T08:00Z'),
 ('${id(103)}', 'C3', 'INVESTIGATING', 'MEDIUM', NULL, NULL, '2026-03-10T06:00Z', now(),
  '2026-03-10T06:20Z', NULL, '2026-03-10T10:00Z', '2026-03-13T06:00Z'),
 ('${id(104)}', 'C4', 'NEW', 'CRITICAL', NULL, NULL, '2026-03-10T12:00Z', now(),
  NULL, NULL, '2026-03-10T12:15Z', '2026-03-10T16:00Z'),
 ('${id(105)}', 'C5', 'IN_TRIAGE', 'HIGH', NULL, NULL, '2026-03-09T12:00Z', now(),
  NULL, NULL, '2026-03-09T13:00Z', '2026-03-10T12:00Z'),
 ('${id(106)}', 'C6', 'NEW', 'LOW', NULL, NULL, '2026-03-09T14:00Z', now(),
  NULL, NULL, '2026-03-10T14:00Z', '2026-03-16T14:00Z'),
 ('${id(108)}', 'C8', 'CLOSED', 'HIGH', 'DUPLICATE', '${id(101)}', '2026-03-10T09:00Z', now(),
  NULL, '2026-03-10T09:30Z', '2026-03-10T10:00Z', '2026-03-11T09:00Z');

INSERT INTO alerts (id, source, connector, raw_payload, status, severity, auto_closed, case_id,
                    received_at, normalized) VALUES
 ('${id(1)}', 'wazuh', 'wazuh', '{}', 'NEW', 'HIGH', false, NULL, '2026-03-10T12:10Z',
  '{"srcIp": "203.0.113.7", "ruleName": "SSH brute force", "tags": ["bruteforce"]}'),
 ('${id(2)}', 'wazuh', 'wazuh', '{}', 'FALSE_POSITIVE', 'HIGH', false, NULL, '2026-03-10T11:59:59.999Z',
  '{"srcIp": "203.0.113.7", "ruleName": "SSH brute force", "tags": ["bruteforce"]}'),
 ('${id(3)}', 'guardduty', 'guardduty', '{}', 'CLOSED', 'LOW', true, '${id(101)}', '2026-03-09T13:00Z',
  '{"srcIp": "198.51.100.1", "ruleName": "Port scan", "tags": ["recon"]}'),
 ('${id(4)}', 'guardduty', 'guardduty', '{}', 'NEW', 'CRITICAL', false, NULL, '2026-03-09T12:59:59.999Z',
  '{"srcIp": "198.51.100.1", "ruleName": "Port scan", "tags": ["recon"]}'),
 ('${id(5)}', 'generic', 'generic', '{}', 'NEW', NULL, false, NULL, '2026-03-10T00:00Z', NULL),
 ('${id(6)}', 'generic', 'generic', '{}', 'NEW', 'LOW', false, NULL, '2026-02-01T00:00Z', NULL);

INSERT INTO observables (id, alert_id, type, value, stix_type, created_at) VALUES
 ('${id(201)}', '${id(2)}', 'IPV4', '203.0.113.7', 'ipv4-addr', '2026-03-10T12:00Z'),
 ('${id(202)}', '${id(1)}', 'IPV4', '203.0.113.7', 'ipv4-addr', '2026-03-10T12:11Z');
INSERT INTO enrichment_results (id, observable_id, provider, verdict, reputation_score, summary, queried_at) VALUES
 ('${id(301)}', '${id(201)}', 'abuseipdb', 'HARMLESS', 0, 'old', '2026-03-10T12:00Z'),
 ('${id(302)}', '${id(202)}', 'abuseipdb', 'SUSPICIOUS', 50, 'new', '2026-03-10T12:11Z'),
 ('${id(303)}', '${id(202)}', 'virustotal', 'MALICIOUS', 90, 'new', '2026-03-10T12:11Z');

INSERT INTO actions (id, case_id, action_type, target, status, requires_approval, created_at,
                     updated_at, decided_at, executed_at) VALUES
 ('${id(401)}', '${id(101)}', 'BLOCK_IP', '203.0.113.7', 'EXECUTED', true, '2026-03-10T11:00Z', now(),
  '2026-03-10T11:05Z', '2026-03-10T11:06Z'),
 ('${id(402)}', '${id(102)}', 'NOTIFY_SLACK', '#soc', 'EXECUTED', false, '2026-03-10T10:00Z', now(),
  NULL, '2026-03-10T10:00:30Z'),
 ('${id(403)}', '${id(104)}', 'ISOLATE_HOST', 'ws-1', 'REQUESTED', true, '2026-03-10T12:10Z', now(),
  NULL, NULL),
 ('${id(404)}', '${id(101)}', 'DISABLE_USER', 'bob', 'REJECTED', true, '2026-03-10T11:00Z', now(),
  '2026-03-10T11:10Z', NULL);
`;

/** Every rollup recounted from the base tables; an empty result means they agree. */
export const ROLLUP_MISMATCHES = `
  WITH rollup AS (
    SELECT 'alert' AS k, hour::text || severity || status || source || connector || auto_closed AS key, count FROM metrics_alert_hourly
    UNION ALL SELECT 'alert', hour::text || severity || status || source || connector || auto_closed, count FROM metrics_alert_hourly_delta
    UNION ALL SELECT 'facet', hour::text || facet || value, count FROM metrics_alert_facet_hourly
    UNION ALL SELECT 'facet', hour::text || facet || value, count FROM metrics_alert_facet_hourly_delta
    UNION ALL SELECT 'case', hour::text || status || severity || resolution || merged, count FROM metrics_case_hourly
    UNION ALL SELECT 'case', hour::text || status || severity || resolution || merged, count FROM metrics_case_hourly_delta
    UNION ALL SELECT 'action', hour::text || status || action_type, count FROM metrics_action_hourly
    UNION ALL SELECT 'action', hour::text || status || action_type, count FROM metrics_action_hourly_delta
    UNION ALL SELECT 'action_total', status || action_type, count FROM metrics_action_totals
    UNION ALL SELECT 'action_total', status || action_type, count FROM metrics_action_hourly_delta
    UNION ALL SELECT 'alert_day', day::text || status, count FROM metrics_alert_daily
    UNION ALL SELECT 'alert_day', date_trunc('day', hour, 'UTC')::text || status, count FROM metrics_alert_hourly_delta
    UNION ALL SELECT 'duration', hour::text || figure || severity || bucket, count FROM metrics_duration_hourly
    UNION ALL SELECT 'duration', hour::text || figure || severity || bucket, count FROM metrics_duration_hourly_delta
    UNION ALL SELECT 'duration_ms', hour::text || figure || severity || bucket, millis FROM metrics_duration_hourly
    UNION ALL SELECT 'duration_ms', hour::text || figure || severity || bucket, millis FROM metrics_duration_hourly_delta
    UNION ALL SELECT 'duration_day', day::text || figure || severity || bucket, count FROM metrics_duration_daily
    UNION ALL SELECT 'duration_day', date_trunc('day', hour, 'UTC')::text || figure || severity || bucket, count FROM metrics_duration_hourly_delta
  ), durations AS (
    SELECT s.*, c.severity::text AS severity FROM cases c
    LEFT JOIN metrics_case_first_alert f ON f.case_id = c.id
    CROSS JOIN LATERAL metrics_case_spans(c, f.first_received_at) s
    UNION ALL
    SELECT s.*, c.severity::text FROM actions x JOIN cases c ON c.id = x.case_id
    CROSS JOIN LATERAL metrics_action_spans(x) s
  ), summed AS (SELECT k, key, sum(count) AS n FROM rollup GROUP BY 1, 2 HAVING sum(count) <> 0),
  recount AS (
    SELECT 'alert' AS k, date_trunc('hour', received_at, 'UTC')::text || coalesce(severity::text, 'NONE') || status || source || connector || auto_closed AS key, count(*) AS n FROM alerts GROUP BY 1, 2
    UNION ALL SELECT 'facet', date_trunc('hour', a.received_at, 'UTC')::text || f.facet || f.value, count(*) FROM alerts a
      CROSS JOIN LATERAL (VALUES ('src_ip', a.normalized->>'srcIp'), ('rule', a.normalized->>'ruleName'), ('category', a.normalized->'tags'->>0)) f(facet, value)
      WHERE f.value IS NOT NULL GROUP BY 1, 2
    UNION ALL SELECT 'case', date_trunc('hour', created_at, 'UTC')::text || status || severity || coalesce(resolution::text, 'NONE') || (merged_into_id IS NOT NULL), count(*) FROM cases GROUP BY 1, 2
    UNION ALL SELECT 'action', date_trunc('hour', created_at, 'UTC')::text || status || action_type, count(*) FROM actions GROUP BY 1, 2
    UNION ALL SELECT 'action_total', status::text || action_type, count(*) FROM actions GROUP BY 1, 2
    UNION ALL SELECT 'alert_day', date_trunc('day', received_at, 'UTC')::text || status, count(*) FROM alerts GROUP BY 1, 2
    UNION ALL SELECT 'duration', date_trunc('hour', at, 'UTC')::text || figure || severity || metrics_duration_bucket(millis), count(*) FROM durations GROUP BY 1, 2
    UNION ALL SELECT 'duration_ms', date_trunc('hour', at, 'UTC')::text || figure || severity || metrics_duration_bucket(millis), sum(millis) FROM durations GROUP BY 1, 2
    UNION ALL SELECT 'duration_day', date_trunc('day', at, 'UTC')::text || figure || severity || metrics_duration_bucket(millis), count(*) FROM durations GROUP BY 1, 2
  ), first_alert AS (
    SELECT 'first' AS k, f.case_id::text AS key, extract(epoch FROM f.first_received_at) AS n FROM metrics_case_first_alert f
      WHERE f.first_received_at IS DISTINCT FROM (SELECT min(received_at) FROM alerts a WHERE a.case_id = f.case_id)
        AND EXISTS (SELECT 1 FROM alerts a WHERE a.case_id = f.case_id)
  )
  (SELECT k, key, n::float8 FROM summed EXCEPT SELECT k, key, n::float8 FROM recount)
  UNION ALL (SELECT k, key, n::float8 FROM recount EXCEPT SELECT k, key, n::float8 FROM summed)
  UNION ALL SELECT k, key, n::float8 FROM first_alert`;
