import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from '../../src/config/app-config';
import { MetricsClock, MetricsService } from '../../src/modules/metrics';
import { durationBucketBounds } from '../../src/modules/metrics/metrics-math';
import { wazuhAlert } from '../factories/ingest.factory';
import {
  id,
  METRICS_NOW as NOW,
  METRICS_SEED as SEED,
  ROLLUP_MISMATCHES,
} from '../factories/metrics.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { runSql } from '../helpers/sql';
import { startTestApp, type TestApp } from '../helpers/test-app';

const FIGURES = [
  'mttaSeconds',
  'mttrSeconds',
  'mteSeconds',
  'approvalWaitSeconds',
  'executionSeconds',
] as const;
const SEVERITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW', 'INFO'];
const METRICS_TOKEN = 'scrape-token-0123456789';
const bearer = { type: 'bearer' } as const;

describe('Metrics (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const get = (path: string, token = users.AUDITOR.token) => t.http().get(path).auth(token, bearer);

  beforeAll(async () => {
    t = await startTestApp({ METRICS_TOKEN });
    users = await createRoleUsers(t);
    jest.spyOn(t.app.get(MetricsClock), 'now').mockImplementation(() => NOW);
  });
  afterAll(() => t.close());

  it('answers zeros and zero-filled series on an empty database, never NaN', async () => {
    const overview = (await get('/metrics/overview').expect(200)).body;
    expect(overview.alertsLast24h).toBe(0);
    expect(overview.falsePositiveRate).toBe(0);
    expect(overview.caseFalsePositiveRate).toBe(0);
    expect(overview.autoClosedRate).toBe(0);
    expect(overview.topSources).toEqual([]);
    expect(overview.alertsPerDay).toHaveLength(30);
    expect(overview.alertsPerDay.every((d: { count: number }) => d.count === 0)).toBe(true);
    expect(Object.values(overview.alertsBySeverity).every((n) => n === 0)).toBe(true);
    const sla = (await get('/metrics/sla').expect(200)).body;
    expect(sla.mttaSeconds.overall).toEqual({
      count: 0,
      mean: null,
      p50: null,
      p90: null,
      exact: true,
    });
    expect(sla.breaches).toEqual({ total: 0, items: [] });
    const trend = (await get('/metrics/trends?metric=mttr').expect(200)).body;
    expect(trend.points).toHaveLength(30);
    expect(trend.points.every((p: { value: unknown }) => p.value === null)).toBe(true);
    expect(JSON.stringify([overview, sla])).not.toMatch(/NaN|Infinity/);
  });

  describe('on a known data set', () => {
    beforeAll(() => runSql(t.databaseUrl, SEED));

    it('counts the default window: the 24 whole UTC hours ending with the current one', async () => {
      const body = (await get('/metrics/overview').expect(200)).body;
      expect(body.window).toEqual({
        from: '2026-03-09T13:00:00.000Z',
        to: '2026-03-10T13:00:00.000Z',
      });
      expect(body.alertsLast24h).toBe(4);
      expect(body.alertsBySeverity).toEqual({
        INFO: 0,
        LOW: 1,
        MEDIUM: 0,
        HIGH: 2,
        CRITICAL: 0,
        UNSCORED: 1,
      });
      expect(body.alertsByStatus).toEqual({ NEW: 2, IN_PROGRESS: 0, CLOSED: 1, FALSE_POSITIVE: 1 });
      expect(body.alertsByConnector).toEqual({ wazuh: 2, guardduty: 1, generic: 1 });
      expect(body.casesByStatus).toEqual({
        NEW: 2,
        IN_TRIAGE: 0,
        INVESTIGATING: 1,
        CONTAINED: 0,
        CLOSED: 3,
      });
      expect(body.casesBySeverity).toEqual({ INFO: 0, LOW: 1, MEDIUM: 2, HIGH: 2, CRITICAL: 1 });
      expect(body.actionsByStatus).toMatchObject({
        EXECUTED: 2,
        REQUESTED: 1,
        REJECTED: 1,
        FAILED: 0,
      });
      expect(body.actionsByType).toMatchObject({
        BLOCK_IP: 1,
        NOTIFY_SLACK: 1,
        ISOLATE_HOST: 1,
        DISABLE_USER: 1,
        NOTIFY_EMAIL: 0,
      });
      expect(body.topSources).toEqual([
        { value: '203.0.113.7', count: 2, latestVerdict: 'MALICIOUS', asset: null },
        {
          value: '198.51.100.1',
          count: 1,
          latestVerdict: null,
          asset: { id: id(900), hostname: 'edge-fw', criticality: 'HIGH' },
        },
      ]);
      expect(body.topRules).toEqual([
        { value: 'SSH brute force', count: 2 },
        { value: 'Port scan', count: 1 },
      ]);
      expect(body.threatsByType).toEqual([
        { value: 'bruteforce', count: 2 },
        { value: 'recon', count: 1 },
      ]);
      expect(body.falsePositiveRate).toBe(0.5);
      expect(body.caseFalsePositiveRate).toBe(0.5);
      expect(body.autoClosedRate).toBe(0.25);
    });

    it('fills 30 UTC days, an alert at 00:00 belonging to the day it starts', async () => {
      const days = (await get('/metrics/overview').expect(200)).body.alertsPerDay;
      expect(days).toHaveLength(30);
      expect(days[0]).toEqual({ day: '2026-02-09', count: 0 });
      expect(days[28]).toEqual({ day: '2026-03-09', count: 2 });
      expect(days[29]).toEqual({ day: '2026-03-10', count: 3 });
      expect(days.reduce((sum: number, d: { count: number }) => sum + d.count, 0)).toBe(5);
    });

    it('honours window edges: from inclusive, to exclusive, widened to whole hours', async () => {
      const count = async (query: string) =>
        (await get(`/metrics/overview?${query}`).expect(200)).body.alertsLast24h;
      expect(await count('from=2026-03-09T13:00:00Z&to=2026-03-10T00:00:00Z')).toBe(1);
      expect(await count('from=2026-03-09T12:00:00Z&to=2026-03-10T00:00:00Z')).toBe(2);
      expect(await count('from=2026-03-10T00:00:00Z&to=2026-03-10T12:00:00Z')).toBe(2);
      expect(await count('from=2026-03-10T00:30:00Z&to=2026-03-10T11:00:00.001Z')).toBe(2);
      expect(await count('from=2026-03-10T01:00:00Z&to=2026-03-10T11:00:00Z')).toBe(0);
    });

    it('refuses malformed and reversed windows with 400', async () => {
      await get('/metrics/overview?from=yesterday').expect(400);
      await get('/metrics/sla?to=2026-13-01T00:00:00Z').expect(400);
      const reversed = await get('/metrics/sla?from=2026-03-10T00:00:00Z&to=2026-03-01T00:00:00Z');
      expect(reversed.status).toBe(400);
      expect(reversed.body.message).toMatch(/from must be before to/);
    });

    it('computes MTTA, MTTR and MTTE to the second, overall and per severity', async () => {
      const body = (await get('/metrics/sla', users.ANALYST.token).expect(200)).body;
      expect(body.targets.CRITICAL).toEqual({ acknowledgeSeconds: 900, resolveSeconds: 14400 });
      expect(body.mttaSeconds.overall).toEqual({
        count: 3,
        mean: 26400,
        p50: 1200,
        p90: 62160,
        exact: true,
      });
      expect(body.mttaSeconds.bySeverity.HIGH).toEqual({
        count: 1,
        mean: 77400,
        p50: 77400,
        p90: 77400,
        exact: true,
      });
      expect(body.mttaSeconds.bySeverity.MEDIUM).toEqual({
        count: 2,
        mean: 900,
        p50: 900,
        p90: 1140,
        exact: true,
      });
      expect(body.mttrSeconds.overall).toEqual({
        count: 2,
        mean: 5400,
        p50: 5400,
        p90: 6840,
        exact: true,
      });
      expect(body.mteSeconds.overall).toEqual({
        count: 2,
        mean: 195,
        p50: 195,
        p90: 327,
        exact: true,
      });
      expect(body.mteSeconds.bySeverity.HIGH).toEqual({
        count: 1,
        mean: 360,
        p50: 360,
        p90: 360,
        exact: true,
      });
      expect(body.approvalWaitSeconds.overall).toEqual({
        count: 1,
        mean: 300,
        p50: 300,
        p90: 300,
        exact: true,
      });
      expect(body.executionSeconds.overall).toEqual({
        count: 2,
        mean: 45,
        p50: 45,
        p90: 57,
        exact: true,
      });
    });

    it.each([
      ['the default window (edges from the base tables)', ''],
      [
        'whole UTC days (the histogram alone)',
        '?from=2026-03-09T00:00:00Z&to=2026-03-11T00:00:00Z',
      ],
    ])(
      'interpolates percentiles from the daily histogram above the exact limit: %s',
      async (_, query) => {
        const exact = (await get(`/metrics/sla${query}`).expect(200)).body;
        const limit = jest.replaceProperty(t.app.get(AppConfig), 'metricsExactPercentileLimit', 0);
        const body = (await get(`/metrics/sla${query}`).expect(200)).body;
        limit.restore();
        for (const figure of FIGURES) {
          const groups = [
            [body[figure].overall, exact[figure].overall],
            ...SEVERITIES.map((s) => [body[figure].bySeverity[s], exact[figure].bySeverity[s]]),
          ];
          for (const [got, want] of groups) {
            expect({ count: got.count, mean: got.mean }).toEqual({
              count: want.count,
              mean: want.mean,
            });
            if (want.count === 0) continue;
            expect(got.exact).toBe(false);
            // each neighbouring rank is within half a bucket: 0.5 s or about 2.2%
            for (const p of ['p50', 'p90'])
              expect(Math.abs(got[p] - want[p])).toBeLessThanOrEqual(0.5 + 0.03 * want[p]);
          }
        }
        expect(exact.mttaSeconds.overall.count).toBeGreaterThan(0);
      },
    );

    it('buckets durations in SQL as the service reads the buckets back', async () => {
      const millis = [0, 999, 1000, 63_999, 64_000, 64_001, 128_000, 600_000, 86_400_000, 2.6e9];
      const rows = await runSql<{ millis: string; bucket: number }>(
        t.databaseUrl,
        'SELECT m AS millis, metrics_duration_bucket(m) AS bucket FROM unnest($1::bigint[]) m',
        [millis],
      );
      for (const row of rows) {
        const [low, high] = durationBucketBounds(row.bucket);
        expect(Number(row.millis)).toBeGreaterThanOrEqual(low);
        expect(Number(row.millis)).toBeLessThan(high);
      }
      expect(rows).toHaveLength(millis.length);
    });

    it('lists breaches with how late, and cases past 75% of a target', async () => {
      const body = (await get('/metrics/sla').expect(200)).body;
      expect(body.breaches.total).toBe(3);
      expect(
        body.breaches.items.map((i: Record<string, unknown>) => [
          i.title,
          i.deadline,
          i.lateSeconds,
        ]),
      ).toEqual([
        ['C5', 'acknowledge', 84600],
        ['C5', 'resolve', 1800],
        ['C4', 'acknowledge', 900],
      ]);
      expect(body.atRisk).toEqual({
        total: 1,
        items: [
          expect.objectContaining({
            title: 'C6',
            deadline: 'acknowledge',
            lateSeconds: 0,
            usedFraction: 0.9375,
          }),
        ],
      });
    });

    it('draws zero-filled trends per UTC hour or day', async () => {
      const values = async (query: string) =>
        (await get(`/metrics/trends?${query}`).expect(200)).body.points.map(
          (p: { value: number | null }) => p.value,
        );
      const daily = (await get('/metrics/trends?metric=alerts').expect(200)).body;
      expect(daily).toMatchObject({ interval: 'day', from: '2026-02-09T00:00:00.000Z' });
      expect(daily.points).toHaveLength(30);
      expect(daily.points.slice(-2)).toEqual([
        { at: '2026-03-09T00:00:00.000Z', value: 2 },
        { at: '2026-03-10T00:00:00.000Z', value: 3 },
      ]);
      const hours = 'interval=hour&from=2026-03-10T10:00:00Z&to=2026-03-10T13:00:00Z';
      expect(await values(`metric=alerts&${hours}`)).toEqual([0, 1, 1]);
      const days = 'from=2026-03-09T00:00:00Z&to=2026-03-11T00:00:00Z';
      expect(await values(`metric=cases_opened&${days}`)).toEqual([2, 5]);
      expect(
        await values(
          'metric=cases_closed&interval=hour&from=2026-03-10T08:00:00Z&to=2026-03-10T13:00:00Z',
        ),
      ).toEqual([0, 1, 0, 0, 1]);
      expect(await values('metric=mtta&from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z')).toEqual(
        [26400],
      );
      expect(
        await values('metric=mttr&interval=hour&from=2026-03-10T09:00:00Z&to=2026-03-10T11:00:00Z'),
      ).toEqual([3600, null]);
      expect(await values(`metric=false_positive_rate&${days}`)).toEqual([0, 1]);
    });

    it('bounds trends to 400 buckets and refuses unknown metrics', async () => {
      const range = (to: string) =>
        `metric=alerts&interval=hour&from=2026-01-01T00:00:00Z&to=${to}`;
      const full = await get(`/metrics/trends?${range('2026-01-17T16:00:00Z')}`).expect(200);
      expect(full.body.points).toHaveLength(400);
      const over = await get(`/metrics/trends?${range('2026-01-17T17:00:00Z')}`).expect(400);
      expect(over.body.message).toMatch(/at most 400 buckets/);
      await get('/metrics/trends?metric=cpu').expect(400);
      await get('/metrics/trends').expect(400);
      await get('/metrics/trends?metric=alerts&interval=week').expect(400);
    });

    it('follows updates: a status change moves the alert between buckets', async () => {
      await runSql(t.databaseUrl, `UPDATE alerts SET status = 'CLOSED' WHERE id = '${id(1)}'`);
      const body = (await get('/metrics/overview').expect(200)).body;
      expect(body.alertsByStatus).toEqual({ NEW: 1, IN_PROGRESS: 0, CLOSED: 2, FALSE_POSITIVE: 1 });
      expect(body.falsePositiveRate).toBe(0.3333);
    });

    it('keeps every rollup equal to a full recount after a mixed workload', async () => {
      const metrics = t.app.get(MetricsService);
      const steps = [
        // ingestion: one multi-row statement, as the ingest group commit does
        `INSERT INTO alerts (id, source, connector, raw_payload, received_at, normalized)
         SELECT gen_random_uuid(), 'wazuh', 'wazuh', '{}', '2026-03-10T00:00Z'::timestamptz + g * interval '7 minutes',
                jsonb_build_object('srcIp', '10.0.0.' || (g % 5), 'ruleName', 'r' || (g % 3), 'tags', jsonb_build_array('t' || (g % 2)))
         FROM generate_series(1, 200) g`,
        // processing: scoring and auto-close
        `UPDATE alerts SET severity = (ARRAY['LOW','HIGH','MEDIUM']::"Severity"[])[1 + (extract(minute FROM received_at)::int % 3)],
                state = 'PROCESSED' WHERE severity IS NULL`,
        `UPDATE alerts SET status = 'CLOSED', auto_closed = true WHERE severity = 'LOW' AND status = 'NEW'`,
        // retries: the same rows rewritten with the same values
        `UPDATE alerts SET state = 'PROCESSED' WHERE severity = 'HIGH'`,
        // case linking and transitions
        `INSERT INTO cases (id, title, severity, created_at, updated_at) VALUES ('${id(150)}', 'W1', 'HIGH', '2026-03-10T05:00Z', now()), ('${id(151)}', 'W2', 'HIGH', '2026-03-10T06:00Z', now())`,
        `UPDATE alerts SET case_id = '${id(150)}' WHERE severity = 'HIGH' AND received_at < '2026-03-10T10:00Z'`,
        `UPDATE alerts SET case_id = '${id(151)}' WHERE severity = 'HIGH' AND received_at >= '2026-03-10T10:00Z' AND case_id IS NULL`,
        `UPDATE cases SET status = 'INVESTIGATING', acknowledged_at = '2026-03-10T07:00Z' WHERE id = '${id(150)}'`,
        // merge W2 into W1: alerts move, the source closes as a duplicate
        `UPDATE alerts SET case_id = '${id(150)}' WHERE case_id = '${id(151)}'`,
        `UPDATE cases SET status = 'CLOSED', resolution = 'DUPLICATE', merged_into_id = '${id(150)}', closed_at = now() WHERE id = '${id(151)}'`,
        `INSERT INTO actions (id, case_id, action_type, target, updated_at, created_at) SELECT gen_random_uuid(), '${id(150)}', 'BLOCK_IP', '10.0.0.' || g, now(), '2026-03-10T08:00Z' FROM generate_series(1, 5) g`,
        `UPDATE actions SET status = 'APPROVED', decided_at = now() WHERE case_id = '${id(150)}'`,
        `UPDATE actions SET status = 'FAILED' WHERE case_id = '${id(150)}' AND target = '10.0.0.1'`,
        `DELETE FROM alerts WHERE source = 'wazuh' AND received_at > '2026-03-10T20:00Z'`,
        // an earlier alert linked after the acknowledgment moves the case's MTTA
        `UPDATE alerts SET case_id = '${id(150)}' WHERE id = '${id(6)}'`,
        `UPDATE actions SET status = 'EXECUTED', executed_at = decided_at + interval '90 seconds' WHERE case_id = '${id(150)}' AND target = '10.0.0.2'`,
        `UPDATE cases SET status = 'CLOSED', resolution = 'TRUE_POSITIVE', closed_at = '2026-03-10T23:00Z' WHERE id = '${id(150)}'`,
        `UPDATE cases SET status = 'INVESTIGATING', resolution = NULL, closed_at = NULL WHERE id = '${id(150)}'`,
        `UPDATE cases SET severity = 'CRITICAL' WHERE id = '${id(150)}'`,
        `DELETE FROM actions WHERE case_id = '${id(150)}' AND target = '10.0.0.3'`,
      ];
      for (const [index, step] of steps.entries()) {
        await runSql(t.databaseUrl, step);
        if (index % 4 === 3) await metrics.compact();
        expect(await runSql(t.databaseUrl, ROLLUP_MISMATCHES)).toEqual([]);
      }
      await metrics.compact();
      expect(
        await runSql(
          t.databaseUrl,
          `SELECT (SELECT count(*) FROM metrics_alert_hourly_delta)::int AS alerts,
                  (SELECT count(*) FROM metrics_duration_hourly_delta)::int AS durations`,
        ),
      ).toEqual([{ alerts: 0, durations: 0 }]);
      expect(await runSql(t.databaseUrl, ROLLUP_MISMATCHES)).toEqual([]);
    });
  });

  it('counts every breach but lists only the 100 soonest due, from the open-case index', async () => {
    const before = (await get('/metrics/sla').expect(200)).body.breaches.total;
    await runSql(
      t.databaseUrl,
      `INSERT INTO cases (id, title, status, severity, created_at, updated_at, ack_due_at, due_at)
       SELECT gen_random_uuid(), 'B' || g, 'NEW', 'LOW', '2026-03-01T00:00Z', now(),
              '2026-03-01T00:00Z'::timestamptz + g * interval '1 minute', '2026-04-01T00:00Z'
       FROM generate_series(1, 120) g`,
    );
    const body = (await get('/metrics/sla').expect(200)).body;
    expect(body.breaches.total).toBe(before + 120);
    expect(body.breaches.items).toHaveLength(100);
    const due = body.breaches.items.map((item: { dueAt: string }) => item.dueAt);
    expect(due).toEqual([...due].sort());
    expect(body.breaches.items[0]).toMatchObject({ title: 'B1', deadline: 'acknowledge' });
    await runSql(t.databaseUrl, `DELETE FROM cases WHERE title ~ '^B[0-9]+$'`);
  });

  it.each(['ADMIN', 'APPROVER', 'ANALYST', 'AUDITOR'] as const)('lets %s read', async (role) => {
    await get('/metrics/overview', users[role].token).expect(200);
    await get('/metrics/sla', users[role].token).expect(200);
    await get('/metrics/trends?metric=alerts', users[role].token).expect(200);
  });

  it('refuses anonymous callers', async () => {
    await t.http().get('/metrics/overview').expect(401);
    await t.http().get('/metrics/sla').expect(401);
  });

  describe('Prometheus', () => {
    const SAMPLE = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (-?[0-9.e+-]+|NaN|\+Inf|-Inf)$/;
    /** A small exposition-format parser: sample name -> lines; throws on a malformed line. */
    const parse = (text: string) => {
      const samples = new Map<string, string[]>();
      const types = new Map<string, string>();
      for (const line of text.split('\n').filter(Boolean)) {
        const type = /^# TYPE (\S+) (counter|gauge|histogram|summary|untyped)$/.exec(line);
        if (type) types.set(type[1], type[2]);
        if (line.startsWith('#')) continue;
        const match = SAMPLE.exec(line);
        if (!match) throw new Error(`not a sample: ${line}`);
        samples.set(match[1], [...(samples.get(match[1]) ?? []), line]);
      }
      return { samples, types };
    };

    it('renders parseable exposition text with conventional names', async () => {
      await t
        .http()
        .post('/alerts/webhook/wazuh')
        .auth(users.ANALYST.token, bearer)
        .send(wazuhAlert())
        .expect(202);
      await get('/metrics/overview').expect(200);
      const response = await t
        .http()
        .get('/metrics/prometheus')
        .auth(METRICS_TOKEN, bearer)
        .expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/plain; version=0.0.4/);
      const { samples, types } = parse(response.text);
      for (const [name, type] of types) {
        expect(name).toMatch(/^minisoar_[a-z0-9_]+$/);
        if (type === 'counter') expect(name).toMatch(/_total$/);
        if (type === 'histogram') expect(name).toMatch(/_seconds$/);
      }
      expect(samples.get('minisoar_alerts_ingested_total')).toEqual([
        'minisoar_alerts_ingested_total{connector="wazuh"} 1',
      ]);
      expect(samples.get('minisoar_http_request_duration_seconds_count')).toEqual(
        expect.arrayContaining([expect.stringContaining('route="/metrics/overview",status="200"')]),
      );
      expect(response.text).not.toMatch(/route="\/metrics\/overview\?/);
      expect(samples.get('minisoar_open_cases')).toEqual([
        'minisoar_open_cases{severity="CRITICAL"} 2',
        'minisoar_open_cases{severity="HIGH"} 1',
        'minisoar_open_cases{severity="LOW"} 1',
        'minisoar_open_cases{severity="MEDIUM"} 1',
      ]);
      expect(samples.get('minisoar_sla_breaches')?.length).toBeGreaterThan(0);
      expect(samples.get('minisoar_queue_depth')).toEqual(
        expect.arrayContaining([expect.stringContaining('queue="alert.process",state="created"')]),
      );
      expect(samples.has('minisoar_actions')).toBe(true);
      expect(samples.has('minisoar_process_cpu_user_seconds_total')).toBe(true);
      // Every series the Grafana dashboard reads is one this endpoint declares.
      const dashboard = readFileSync(
        join(__dirname, '../../deploy/grafana/mini-soar-dashboard.json'),
        'utf8',
      );
      const read = new Set(dashboard.match(/minisoar_[a-z0-9_]+/g));
      const declared = [...types.keys()];
      for (const name of read)
        expect(declared.some((base) => name === base || name.startsWith(`${base}_`))).toBe(true);
    });

    it("takes any role's JWT, and METRICS_TOKEN on this route only", async () => {
      for (const role of ['ADMIN', 'APPROVER', 'ANALYST', 'AUDITOR'] as const)
        await get('/metrics/prometheus', users[role].token).expect(200);
      await t.http().get('/metrics/prometheus').expect(401);
      await t.http().get('/metrics/prometheus').auth(`${METRICS_TOKEN}x`, bearer).expect(401);
      for (const path of [
        '/metrics/overview',
        '/metrics/sla',
        '/metrics/trends?metric=alerts',
        '/auth/me',
      ])
        await t.http().get(path).auth(METRICS_TOKEN, bearer).expect(401);
    });
  });
});
