import { Injectable } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { telemetryRegistry } from '../../common/telemetry/telemetry';
import { Database } from '../../database/database';
import { QUEUE_SCHEMA } from '../../queue/queue.service';
import * as SQL from './metrics.sql';

const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) =>
  new Gauge<L>({ name, help, labelNames, registers: [telemetryRegistry] });

// Process-wide (one registry); set from the database just before each scrape renders.
const queueDepth = gauge('minisoar_queue_depth', 'Jobs waiting (created, retry) or active', [
  'queue',
  'state',
]);
const actions = gauge('minisoar_actions', 'Actions by type and current status', ['type', 'status']);
const playbookRuns = gauge('minisoar_playbook_runs', 'Playbook runs by status', ['status']);
const openCases = gauge('minisoar_open_cases', 'Cases not CLOSED, by severity', ['severity']);
const slaBreaches = gauge('minisoar_sla_breaches', 'Open cases past a deadline', [
  'severity',
  'deadline',
]);

type Row = Record<string, string> & { count: number };

/** Reads the scrape-time gauges from indexed queries and the rollups. */
@Injectable()
export class PrometheusGauges {
  constructor(private readonly database: Database) {}

  private async rows(text: string): Promise<Row[]> {
    return (await this.database.pool.query(text)).rows as Row[];
  }

  async refresh(): Promise<void> {
    const [queues, byAction, runs, cases] = await Promise.all([
      this.rows(SQL.queueDepth(QUEUE_SCHEMA)),
      this.rows(SQL.ACTIONS_BY_TYPE_STATUS),
      this.rows(SQL.PLAYBOOK_RUNS_BY_STATUS),
      this.rows(SQL.OPEN_CASES),
    ]);
    for (const metric of [queueDepth, actions, playbookRuns, openCases, slaBreaches])
      metric.reset();
    for (const row of queues) queueDepth.set({ queue: row.queue, state: row.state }, row.count);
    for (const row of byAction)
      actions.set({ type: row.action_type, status: row.status }, row.count);
    for (const row of runs) playbookRuns.set({ status: row.status }, row.count);
    for (const row of cases) {
      openCases.set({ severity: row.severity }, row.count);
      slaBreaches.set(
        { severity: row.severity, deadline: 'acknowledge' },
        Number(row.ack_breached),
      );
      slaBreaches.set(
        { severity: row.severity, deadline: 'resolve' },
        Number(row.resolve_breached),
      );
    }
  }

  async render(): Promise<string> {
    await this.refresh();
    return telemetryRegistry.metrics();
  }
}
