import { Injectable } from '@nestjs/common';
import { MetricsClock } from './metrics-clock';
import { ratio, zeroFilled, type SeriesPoint } from './metrics-math';
import { DAY_MS, HOUR_MS, type TimeWindow } from './metrics-window';
import { MetricsWindowInvalidError } from './metrics.errors';
import { type Bucket, type DurationFigure, MetricsRepository } from './metrics.repository';
import * as SQL from './metrics.sql';

export const TREND_METRICS = [
  'alerts',
  'cases_opened',
  'cases_closed',
  'mtta',
  'mttr',
  'false_positive_rate',
] as const;
export type TrendMetric = (typeof TREND_METRICS)[number];
export const MAX_BUCKETS = 400;

const STEP_MS: Record<Bucket, number> = { hour: HOUR_MS, day: DAY_MS };
const DEFAULT_BUCKETS: Record<Bucket, number> = { hour: 48, day: 30 };

type Counts = (
  repository: MetricsRepository,
  window: TimeWindow,
  interval: Bucket,
) => Promise<{ bucket: Date; count: number }[]>;
const COUNTS: Partial<Record<TrendMetric, Counts>> = {
  alerts: (repository, window, interval) => repository.alertsPerBucket(window, interval),
  cases_opened: (repository, window, interval) =>
    repository.perBucket(SQL.CASES_OPENED_PER_BUCKET, window, interval),
};
/** Series read from a duration figure: cases closed is the count of MTTR's durations. */
const FROM_DURATIONS: Partial<Record<TrendMetric, [DurationFigure, 'count' | 'mean']>> = {
  cases_closed: ['mttr', 'count'],
  mtta: ['mtta', 'mean'],
  mttr: ['mttr', 'mean'],
};

export interface TrendQuery {
  metric: TrendMetric;
  interval?: Bucket;
  from?: string;
  to?: string;
}

export interface Trend {
  metric: TrendMetric;
  interval: Bucket;
  from: string;
  to: string;
  points: { at: string; value: number | null }[];
}

/** Time series for charts, one point per UTC hour or day, zero-filled (means: null). */
@Injectable()
export class MetricsTrends {
  constructor(
    private readonly repository: MetricsRepository,
    private readonly clock: MetricsClock,
  ) {}

  async trend(query: TrendQuery): Promise<Trend> {
    const interval = query.interval ?? 'day';
    const window = bucketWindow(this.clock.now(), interval, query.from, query.to);
    return {
      metric: query.metric,
      interval,
      from: window.from.toISOString(),
      to: window.to.toISOString(),
      points: await this.points(query.metric, window, interval),
    };
  }

  private async points(
    metric: TrendMetric,
    window: TimeWindow,
    interval: Bucket,
  ): Promise<SeriesPoint[] | { at: string; value: number | null }[]> {
    const step = STEP_MS[interval];
    const counts = COUNTS[metric];
    if (counts) {
      const rows = await counts(this.repository, window, interval);
      return zeroFilled(window.from, window.to, step, byBucket(rows));
    }
    const durations = FROM_DURATIONS[metric];
    if (durations) {
      const [figure, value] = durations;
      const rows = await this.repository.durationsPerBucket(figure, window, interval);
      if (value === 'count') return zeroFilled(window.from, window.to, step, byBucket(rows));
      const means = new Map(rows.map((row) => [row.bucket.getTime(), row.mean]));
      return zeroFilled(window.from, window.to, step, new Map()).map(({ at }) => ({
        at,
        value: means.get(Date.parse(at)) ?? null,
      }));
    }
    const rows = await this.repository.alertVerdictsPerBucket(window, interval);
    const rates = new Map(
      rows.map((row) => [row.bucket.getTime(), ratio(row.false_positive ?? 0, row.resolved ?? 0)]),
    );
    return zeroFilled(window.from, window.to, step, rates);
  }
}

const byBucket = (rows: { bucket: Date; count: number }[]) =>
  new Map(rows.map((row) => [row.bucket.getTime(), row.count]));

/** Whole buckets: from down, to up; by default the last 30 days or 48 hours. */
export function bucketWindow(now: Date, interval: Bucket, from?: string, to?: string): TimeWindow {
  const step = STEP_MS[interval];
  const end = Math.ceil((to === undefined ? now.getTime() + 1 : Date.parse(to)) / step) * step;
  const start =
    from === undefined
      ? end - DEFAULT_BUCKETS[interval] * step
      : Math.floor(Date.parse(from) / step) * step;
  if (start >= end) throw new MetricsWindowInvalidError('from must be before to');
  if ((end - start) / step > MAX_BUCKETS)
    throw new MetricsWindowInvalidError(
      `the window holds ${(end - start) / step} ${interval}s; at most ${MAX_BUCKETS} buckets`,
    );
  return { from: new Date(start), to: new Date(end) };
}
