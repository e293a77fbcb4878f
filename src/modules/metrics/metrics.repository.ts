import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database';
import type { TimeWindow } from './metrics-window';
import * as SQL from './metrics.sql';

/** The duration figures, as named by the metrics_*_spans SQL functions. */
export type DurationFigure = 'mtta' | 'mttr' | 'mte' | 'execution' | 'approval';

export interface ExactDurationRow {
  figure: DurationFigure;
  severity: string | null;
  count: number;
  mean: number | null;
  /** Milliseconds at p50 and p90. */
  percentiles: [number, number] | null;
}

export interface HistogramRow {
  figure: DurationFigure;
  severity: string;
  bucket: number;
  count: number;
  millis: number;
}

export interface DurationBucketRow {
  bucket: Date;
  count: number;
  mean: number | null;
}

export interface ExposureRow {
  id: string;
  number: number;
  title: string;
  severity: string;
  kind: 'acknowledge' | 'resolve';
  state: 'breach' | 'at_risk';
  created_at: Date;
  due_at: Date;
  total: number;
}

export interface SourceContextRow {
  value: string;
  verdict: string | null;
  asset: { id: string; hostname: string; criticality: string } | null;
}

export type Bucket = 'hour' | 'day';

/** Read-only: the metrics read model (see README, "Metrics"). */
@Injectable()
export class MetricsRepository {
  constructor(private readonly database: Database) {}

  private async rows<T>(text: string, values: unknown[]): Promise<T[]> {
    return (await this.database.pool.query(text, values)).rows as T[];
  }

  alertBreakdown(window: TimeWindow) {
    return this.rows<{
      severity: string;
      status: string;
      connector: string;
      auto_closed: boolean;
      count: number;
    }>(SQL.ALERT_BREAKDOWN, [window.from, window.to]);
  }

  caseBreakdown(window: TimeWindow) {
    return this.rows<{
      status: string;
      severity: string;
      resolution: string;
      merged: boolean;
      count: number;
    }>(SQL.CASE_BREAKDOWN, [window.from, window.to]);
  }

  actionBreakdown(window: TimeWindow) {
    return this.rows<{ status: string; action_type: string; count: number }>(SQL.ACTION_BREAKDOWN, [
      window.from,
      window.to,
    ]);
  }

  topFacets(window: TimeWindow, limit: number) {
    return this.rows<{ facet: string; value: string; count: number }>(SQL.TOP_FACETS, [
      window.from,
      window.to,
      limit,
    ]);
  }

  sourceContext(values: string[]) {
    return this.rows<SourceContextRow>(SQL.SOURCE_CONTEXT, [values]);
  }

  perBucket(text: string, window: TimeWindow, bucket: Bucket) {
    return this.rows<{ bucket: Date; count: number }>(text, [window.from, window.to, bucket]);
  }

  /** Hours from the hourly rollup; whole days from the daily one. */
  alertVerdictsPerBucket(window: TimeWindow, bucket: Bucket) {
    type Row = { bucket: Date; false_positive: number | null; resolved: number | null };
    return bucket === 'day'
      ? this.rows<Row>(SQL.ALERT_VERDICTS_PER_DAY, [window.from, window.to])
      : this.rows<Row>(SQL.ALERT_VERDICTS_PER_BUCKET, [window.from, window.to, bucket]);
  }

  /** Hours from the hourly rollup; whole days from the daily one. */
  alertsPerBucket(window: TimeWindow, bucket: Bucket) {
    return bucket === 'day'
      ? this.rows<{ bucket: Date; count: number }>(SQL.ALERTS_PER_DAY, [window.from, window.to])
      : this.perBucket(SQL.ALERTS_PER_BUCKET, window, bucket);
  }

  /** Exact figures (overall rows have severity null), sorting every duration of the window. */
  exactDurations(window: TimeWindow, figures: DurationFigure[]) {
    return this.rows<ExactDurationRow>(SQL.EXACT_DURATIONS, [window.from, window.to, figures]);
  }

  /** The window's durations as histogram buckets (see DURATION_HISTOGRAM). */
  durationHistogram(window: TimeWindow, hours: TimeWindow, days: TimeWindow) {
    return this.rows<HistogramRow>(SQL.DURATION_HISTOGRAM, [
      window.from,
      window.to,
      hours.from,
      hours.to,
      days.from,
      days.to,
    ]);
  }

  /** Count and mean of one figure per whole UTC hour or day, from the duration histogram. */
  durationsPerBucket(figure: DurationFigure, window: TimeWindow, bucket: Bucket) {
    const text = bucket === 'day' ? SQL.DURATIONS_PER_DAY : SQL.DURATIONS_PER_HOUR;
    return this.rows<DurationBucketRow>(text, [window.from, window.to, figure]);
  }

  slaExposure(now: Date, limit: number) {
    return this.rows<ExposureRow>(SQL.SLA_EXPOSURE, [now, limit]);
  }

  /** Folds the pending deltas into the rollups (one statement, so readers never see a gap). */
  async compact(): Promise<void> {
    await this.database.pool.query(SQL.COMPACT);
  }
}
