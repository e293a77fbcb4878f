/**
 * Set-based seed SQL for the metrics benchmark: rows [from, to) of each table, spread over the
 * last 90 days and deterministic per row, inserted through the real rollup triggers. Every
 * alert carries its source IP as an observable (a third of them enriched), every tenth alert
 * is linked to a case, and a few source IPs are assets, so the overview's verdict and asset
 * lookups and MTTA's first-alert times read realistic tables.
 */
const SPREAD_SECONDS = 90 * 86_400;
const SEVERITIES = `(ARRAY['INFO','LOW','MEDIUM','HIGH','CRITICAL']::"Severity"[])`;
const spreadAgo = (g: string) =>
  `now() - ((${g}::bigint * 7919) % ${SPREAD_SECONDS}) * interval '1 second'`;
const sourceIp = (g: string) => `'198.51.' || (${g} % 8) || '.' || (${g} % 250)`;
const alertId = (g: string) => `md5('alert' || ${g})::uuid`;
const caseId = (g: string) => `md5('case' || ${g})::uuid`;

/** Cases first: alerts link to them. */
export const seedCases = (from: number, to: number) => `
  INSERT INTO cases (id, title, status, severity, resolution, created_at, updated_at,
                     acknowledged_at, closed_at, ack_due_at, due_at)
  SELECT ${caseId('g')}, 'case ' || g, c.status, ${SEVERITIES}[1 + g % 5],
         CASE WHEN c.status = 'CLOSED' THEN (ARRAY['TRUE_POSITIVE','FALSE_POSITIVE','BENIGN']::"CaseResolution"[])[1 + g % 3] END,
         c.created, now(), c.created + (g % 3600) * interval '1 second',
         CASE WHEN c.status = 'CLOSED' THEN c.created + (g % 86400) * interval '1 second' END,
         c.created + interval '1 hour', c.created + interval '1 day'
  FROM generate_series(${from}, ${to - 1}) g
  CROSS JOIN LATERAL (SELECT CASE WHEN g % 10 = 0 THEN 'INVESTIGATING' ELSE 'CLOSED' END::"CaseStatus" AS status,
                             ${spreadAgo('g')} AS created) c`;

/** Alert g links to case g / 10 when g is a multiple of 10. */
export const seedAlerts = (from: number, to: number) => `
  INSERT INTO alerts (id, source, connector, raw_payload, status, state, severity, auto_closed,
                      received_at, normalized, case_id)
  SELECT ${alertId('g')}, s.name, s.name, '{}',
         (ARRAY['NEW','IN_PROGRESS','CLOSED','FALSE_POSITIVE','CLOSED']::"AlertStatus"[])[1 + g % 5],
         'PROCESSED', ${SEVERITIES}[1 + g % 5], g % 7 = 0, ${spreadAgo('g')},
         jsonb_build_object('srcIp', ${sourceIp('g')}, 'ruleName', 'rule-' || (g % 40),
                            'tags', jsonb_build_array('cat-' || (g % 12))),
         CASE WHEN g % 10 = 0 THEN ${caseId('g / 10')} END
  FROM generate_series(${from}, ${to - 1}) g
  CROSS JOIN LATERAL (SELECT (ARRAY['wazuh','splunk','guardduty','crowdstrike'])[1 + g % 4] AS name) s`;

export const seedObservables = (from: number, to: number) => `
  INSERT INTO observables (id, alert_id, type, value, stix_type, created_at)
  SELECT md5('observable' || g)::uuid, ${alertId('g')}, 'IPV4', ${sourceIp('g')}, 'ipv4-addr',
         ${spreadAgo('g')}
  FROM generate_series(${from}, ${to - 1}) g`;

export const seedEnrichments = (from: number, to: number) => `
  INSERT INTO enrichment_results (id, observable_id, provider, verdict, reputation_score,
                                  summary, queried_at)
  SELECT gen_random_uuid(), md5('observable' || g)::uuid, 'abuseipdb',
         (ARRAY['MALICIOUS','SUSPICIOUS','HARMLESS','UNKNOWN']::"Verdict"[])[1 + g % 4], g % 100,
         'seeded', ${spreadAgo('g')}
  FROM generate_series(${from}, ${to - 1}) g WHERE g % 3 = 0`;

/** Actions g of cases g % cases. */
export const seedActions = (from: number, to: number, cases: number) => `
  INSERT INTO actions (id, case_id, action_type, target, status, requires_approval, created_at,
                       updated_at, decided_at, executed_at)
  SELECT gen_random_uuid(), ${caseId(`(g % ${cases})`)},
         (ARRAY['BLOCK_IP','NOTIFY_SLACK','ISOLATE_HOST','CREATE_TICKET']::"ActionType"[])[1 + g % 4], 't' || g,
         a.status, true, a.created, now(),
         CASE WHEN a.status <> 'REQUESTED' THEN a.created + (g % 600) * interval '1 second' END,
         CASE WHEN a.status = 'EXECUTED' THEN a.created + (600 + g % 60) * interval '1 second' END
  FROM generate_series(${from}, ${to - 1}) g
  CROSS JOIN LATERAL (SELECT (ARRAY['EXECUTED','EXECUTED','EXECUTED','REQUESTED','FAILED'])[1 + g % 5]::"ActionStatus" AS status,
                             ${spreadAgo('g')} AS created) a`;

/** Twenty of the source IPs are known assets. */
export const SEED_ASSETS = `
  INSERT INTO assets (id, hostname, ip, criticality, updated_at)
  SELECT gen_random_uuid(), 'host-' || g, '198.51.' || (g % 8) || '.' || g,
         (ARRAY['LOW','MEDIUM','HIGH','CRITICAL']::"AssetCriticality"[])[1 + g % 4], now()
  FROM generate_series(0, 19) g ON CONFLICT DO NOTHING`;
