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
import { ratio, tally, zeroFilled } from './metrics-math';
import { DAY_MS, hourWindow, instantWindow, lastDays, type TimeWindow } from './metrics-window';
import { type DurationRow, MetricsRepository } from './metrics.repository';
import * as SQL from './metrics.sql';
import type {
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
      this.repository.perBucket(SQL.ALERTS_PER_BUCKET, days, 'day'),
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
    const [mtta, mttr, actions, exposure] = await Promise.all([
      this.repository.durations(SQL.MTTA, window),
      this.repository.durations(SQL.MTTR, window),
      this.repository.actionDurations(window),
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
      mttaSeconds: perSeverity(mtta),
      mttrSeconds: perSeverity(mttr),
      mteSeconds: perSeverity(unprefixed(actions, 'mte_')),
      approvalWaitSeconds: perSeverity(unprefixed(actions, 'approval_')),
      executionSeconds: perSeverity(unprefixed(actions, 'execution_')),
      breaches: listed('breach'),
      atRisk: listed('at_risk'),
    };
  }

  /** Folds pending rollup deltas; called periodically, exact either way. */
  compact(): Promise<void> {
    return this.repository.compact();
  }
}

/** The DurationRows of one prefix of a multi-figure row set. */
function unprefixed(rows: Record<string, number | string | null>[], prefix: string): DurationRow[] {
  return rows.map((row) => ({
    severity: row.severity as string | null,
    count: row[`${prefix}count`] as number,
    mean: row[`${prefix}mean`] as number | null,
    p50: row[`${prefix}p50`] as number | null,
    p90: row[`${prefix}p90`] as number | null,
  }));
}

const EMPTY_STATS: DurationStats = { count: 0, mean: null, p50: null, p90: null };

function perSeverity(rows: DurationRow[]): {
  overall: DurationStats;
  bySeverity: Record<string, DurationStats>;
} {
  const stats = (row?: DurationRow): DurationStats =>
    row ? { count: row.count, mean: row.mean, p50: row.p50, p90: row.p90 } : EMPTY_STATS;
  return {
    overall: stats(rows.find((row) => row.severity === null)),
    bySeverity: Object.fromEntries(
      SEVERITIES.map((severity) => [severity, stats(rows.find((r) => r.severity === severity))]),
    ),
  };
}
