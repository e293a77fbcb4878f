import { AppConfig } from '../../src/config/app-config';
import { Database } from '../../src/database/database';
import { MetricsClock, MetricsService } from '../../src/modules/metrics';
import { METRICS_NOW, METRICS_SEED, ROLLUP_MISMATCHES } from '../factories/metrics.factory';
import { startEmbeddedApp, type EmbeddedApp } from '../helpers/embedded-app';

/**
 * The metrics on the embedded default (PGlite, no DATABASE_URL): the rollup and histogram
 * triggers, compaction, the open-case index and every endpoint, on the PostgreSQL suite's
 * known data set with the same expected figures.
 */
describe('Metrics on the embedded database (e2e)', () => {
  let embedded: EmbeddedApp;
  let token: string;
  const bearer = { type: 'bearer' } as const;
  const get = (path: string) => embedded.http().get(path).auth(token, bearer).expect(200);
  const sql = (text: string) => embedded.app.get(Database).pool.query(text);

  beforeAll(async () => {
    embedded = await startEmbeddedApp('metrics-embedded');
    token = await embedded.admin();
    jest.spyOn(embedded.app.get(MetricsClock), 'now').mockImplementation(() => METRICS_NOW);
    for (const statement of METRICS_SEED.split(/;\s*\n/).filter((s) => s.trim()))
      await sql(statement);
  });
  afterAll(() => embedded.close());

  it('answers the overview and the trends from the rollups', async () => {
    const overview = (await get('/metrics/overview')).body;
    expect(overview.alertsLast24h).toBe(4);
    expect(overview.topSources[0]).toMatchObject({
      value: '203.0.113.7',
      latestVerdict: 'MALICIOUS',
    });
    const daily = (await get('/metrics/trends?metric=alerts')).body.points;
    expect(daily.slice(-2).map((p: { value: number }) => p.value)).toEqual([2, 3]);
    const mtta = (
      await get('/metrics/trends?metric=mtta&from=2026-03-10T00:00:00Z&to=2026-03-11T00:00:00Z')
    ).body;
    expect(mtta.points).toEqual([{ at: '2026-03-10T00:00:00.000Z', value: 26400 }]);
  });

  it('computes the SLA figures exactly, and from the histogram above the exact limit', async () => {
    const exact = (await get('/metrics/sla')).body;
    expect(exact.mttaSeconds.overall).toEqual({
      count: 3,
      mean: 26400,
      p50: 1200,
      p90: 62160,
      exact: true,
    });
    expect(exact.breaches.total).toBe(3);
    const limit = jest.replaceProperty(
      embedded.app.get(AppConfig),
      'metricsExactPercentileLimit',
      0,
    );
    const approximate = (await get('/metrics/sla')).body;
    limit.restore();
    expect(approximate.mttaSeconds.overall).toMatchObject({ count: 3, mean: 26400, exact: false });
    expect(Math.abs(approximate.mttaSeconds.overall.p50 - 1200)).toBeLessThan(0.03 * 1200);
  });

  it('renders the Prometheus gauges and keeps every rollup equal to a recount after compaction', async () => {
    const text = (await get('/metrics/prometheus')).text;
    expect(text).toContain('minisoar_open_cases{severity="CRITICAL"} 1');
    await sql(
      `UPDATE cases SET severity = 'LOW', acknowledged_at = '2026-03-10T12:20Z' WHERE title = 'C4'`,
    );
    await embedded.app.get(MetricsService).compact();
    expect((await sql(ROLLUP_MISMATCHES)).rows).toEqual([]);
    expect((await get('/metrics/sla')).body.mttaSeconds.overall.count).toBe(4);
  });
});
