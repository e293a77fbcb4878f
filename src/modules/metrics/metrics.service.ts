import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import {
  ActionStatus,
  ActionType,
  AlertStatus,
  CaseStatus,
  Severity,
} from '../../generated/prisma/enums';
import { MetricsClock } from './metrics-clock';
import { histogramStats, ratio, tally, zeroFilled } from './metrics-math';
import {
  DAY_MS,
  HOUR_MS,
  hourWindow,
  instantWindow,
  lastDays,
  type TimeWindow,
  wholeBuckets,
} from './metrics-window';
import {
  type DurationFigure,
  type ExactDurationRow,
  type HistogramRow,
  MetricsRepository,
} from './metrics.repository';
import type {
  DurationBreakdownDto as DurationBreakdown,
  DurationStats,
  OverviewDto,
  SlaDto,
  SlaExposureDto,
  WindowQueryDto,
} from './dto/metrics.dto';

const TOP_LIMIT = 10;
const EXPOSURE_LIST_LIMIT = 100;
/** Alerts not scored yet (severity is set by the pipeline). */
export const UNSCORED = 'UNSCORED';
const SEVERITIES = Object.values(Severity);

const toWire = (window: TimeWindow) => ({
  from: window.from.toISOString(),
  to: window.to.toISOString(),
});

@Injectable()
export class MetricsService {
  constructor(
    private readonly repository: MetricsRepository,
    private readonly clock: MetricsClock,
    private readonly config: AppConfig,
  ) {}

  async overview(query: WindowQueryDto): Promise<OverviewDto> {
    const window = hourWindow(this.clock.now(), DAY_MS, query.from, query.to);
    const days = lastDays(window.to, 30);
    const [alerts, cases, actions, facets, perDay] = await Promise.all([
      this.repository.alertBreakdown(window),
      this.repository.caseBreakdown(window),
      this.repository.actionBreakdown(window),
      this.repository.topFacets(window, TOP_LIMIT),
      this.repository.alertsPerBucket(days, 'day'),
    ]);
    const total = alerts.reduce((sum, row) => sum + row.count, 0);
    const byStatus = tally(
      Object.values(AlertStatus),
      alerts,
      (r) => r.status,
      (r) => r.count,
    );
    const closedCases = cases.filter((row) => row.status === CaseStatus.CLOSED && !row.merged);
    const count = (rows: { count: number }[]) => rows.reduce((sum, row) => sum + row.count, 0);
    const facet = (name: string) =>
      facets.filter((row) => row.facet === name).map(({ value, count }) => ({ value, count }));
    return {
      window: toWire(window),
      alertsLast24h: total,
      alertsBySeverity: tally(
        [...SEVERITIES, UNSCORED],
        alerts,
        (r) => (r.severity === 'NONE' ? UNSCORED : r.severity),
        (r) => r.count,
      ),
      alertsByStatus: byStatus,
      alertsByConnector: tally(
        [],
        alerts,
        (r) => r.connector,
        (r) => r.count,
      ),
      casesByStatus: tally(
        Object.values(CaseStatus),
        cases,
        (r) => r.status,
        (r) => r.count,
      ),
      casesBySeverity: tally(
        SEVERITIES,
        cases,
        (r) => r.severity,
        (r) => r.count,
      ),
      actionsByStatus: tally(
        Object.values(ActionStatus),
        actions,
        (r) => r.status,
        (r) => r.count,
      ),
      actionsByType: tally(
        Object.values(ActionType),
        actions,
        (r) => r.action_type,
        (r) => r.count,
      ),
      topSources: await this.withSourceContext(facet('src_ip')),
      threatsByType: facet('category'),
      topRules: facet('rule'),
      falsePositiveRate: ratio(
        byStatus[AlertStatus.FALSE_POSITIVE],
        byStatus[AlertStatus.FALSE_POSITIVE] + byStatus[AlertStatus.CLOSED],
      ),
      caseFalsePositiveRate: ratio(
        count(closedCases.filter((row) => row.resolution === 'FALSE_POSITIVE')),
        count(closedCases),
      ),
      autoClosedRate: ratio(count(alerts.filter((row) => row.auto_closed)), total),
      alertsPerDay: zeroFilled(
        days.from,
        days.to,
        DAY_MS,
        new Map(perDay.map((row) => [row.bucket.getTime(), row.count])),
      ).map(({ at, value }) => ({ day: at.slice(0, 10), count: value })),
    };
  }

  private async withSourceContext(sources: { value: string; count: number }[]) {
    if (sources.length === 0) return [];
    const context = new Map(
      (await this.repository.sourceContext(sources.map((s) => s.value))).map((row) => [
        row.value,
        row,
      ]),
    );
    return sources.map((source) => ({
      ...source,
      latestVerdict: context.get(source.value)?.verdict ?? null,
      asset: context.get(source.value)?.asset ?? null,
    }));
  }

  async sla(query: WindowQueryDto): Promise<SlaDto> {
    const now = this.clock.now();
    const window = instantWindow(now, 30 * DAY_MS, query.from, query.to);
    const [durations, exposure] = await Promise.all([
      this.durations(window),
      this.repository.slaExposure(now, EXPOSURE_LIST_LIMIT),
    ]);
    const listed = (state: 'breach' | 'at_risk'): SlaExposureDto => {
      const rows = exposure.filter((row) => row.state === state);
      return {
        total: rows[0]?.total ?? 0,
        items: rows.map((row) => ({
          caseId: row.id,
          number: row.number,
          title: row.title,
          severity: row.severity,
          deadline: row.kind,
          dueAt: row.due_at.toISOString(),
          lateSeconds: Math.max(0, (now.getTime() - row.due_at.getTime()) / 1000),
          usedFraction: ratio(
            now.getTime() - row.created_at.getTime(),
            row.due_at.getTime() - row.created_at.getTime(),
          ),
        })),
      };
    };
    return {
      window: toWire(window),
      now: now.toISOString(),
      targets: this.config.slaTargets,
      mttaSeconds: durations.mtta,
      mttrSeconds: durations.mttr,
      mteSeconds: durations.mte,
      approvalWaitSeconds: durations.approval,
      executionSeconds: durations.execution,
      breaches: listed('breach'),
      atRisk: listed('at_risk'),
    };
  }

  /**
   * Every figure of the window: counts and means are exact; p50/p90 too while a figure has at
   * most METRICS_EXACT_PERCENTILE_LIMIT durations (sorted), beyond that interpolated from the
   * daily histogram, so the cost stays flat however dense the window.
   */
  private async durations(window: TimeWindow): Promise<Record<DurationFigure, DurationBreakdown>> {
    const hours = wholeBuckets(window, HOUR_MS);
    const histogram = await this.repository.durationHistogram(
      window,
      hours,
      wholeBuckets(hours, DAY_MS),
    );
    const counts = new Map<string, number>();
    for (const row of histogram) counts.set(row.figure, (counts.get(row.figure) ?? 0) + row.count);
    const sorted = FIGURES.filter(
      (figure) => (counts.get(figure) ?? 0) <= this.config.metricsExactPercentileLimit,
    );
    // Figures with no duration need no query: their rows are simply absent (count 0).
    const toSort = sorted.filter((figure) => (counts.get(figure) ?? 0) > 0);
    const exact = toSort.length > 0 ? await this.repository.exactDurations(window, toSort) : [];
    const breakdown = (figure: DurationFigure): DurationBreakdown => {
      const stats = sorted.includes(figure)
        ? exactStatsOf(exact.filter((row) => row.figure === figure))
        : histogramStatsOf(histogram.filter((row) => row.figure === figure));
      return {
        overall: stats(null),
        bySeverity: Object.fromEntries(SEVERITIES.map((severity) => [severity, stats(severity)])),
      };
    };
    return Object.fromEntries(FIGURES.map((figure) => [figure, breakdown(figure)])) as Record<
      DurationFigure,
      DurationBreakdown
    >;
  }

  /** Folds pending rollup deltas; called periodically, exact either way. */
  compact(): Promise<void> {
    return this.repository.compact();
  }
}

const FIGURES: DurationFigure[] = ['mtta', 'mttr', 'mte', 'execution', 'approval'];

const EMPTY_STATS: DurationStats = { count: 0, mean: null, p50: null, p90: null, exact: true };

/** Stats per severity (null: overall) of one figure's exact rows. */
function exactStatsOf(rows: ExactDurationRow[]): (severity: string | null) => DurationStats {
  const seconds = (millis: number | null) => (millis === null ? null : Math.round(millis) / 1000);
  return (severity) => {
    const row = rows.find((r) => r.severity === severity);
    if (!row) return EMPTY_STATS;
    const [p50, p90] = row.percentiles ?? [null, null];
    return { count: row.count, mean: row.mean, p50: seconds(p50), p90: seconds(p90), exact: true };
  };
}

/** Stats per severity (null: overall, all severities merged) of one figure's histogram rows. */
function histogramStatsOf(rows: HistogramRow[]): (severity: string | null) => DurationStats {
  return (severity) => ({
    ...histogramStats(severity === null ? rows : rows.filter((row) => row.severity === severity)),
    exact: false,
  });
}
