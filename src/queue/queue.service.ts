import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import {
  PgBoss,
  type JobInsert,
  type SendOptions,
  type WorkOptions,
  type Job,
  type JobResult,
} from 'pg-boss';
import type { PoolClient } from 'pg';
import { AppConfig } from '../config/app-config';
import { Database } from '../database/database';
import { captureStatement, type CapturedStatement } from './captured-statement';
import type { JobMap } from './job-map';
import { QueueName } from './queue-names';
import { sqlExecutor } from './sql-executor';

export const QUEUE_SCHEMA = 'pgboss';

/** Retry policy of automation jobs: at most 3 retries with exponential backoff, then FAILED. */
const AUTOMATION_QUEUE_OPTIONS = {
  retryLimit: 3,
  retryBackoff: true,
  retryDelay: 2,
  retryDelayMax: 60,
  expireInSeconds: 300,
  deleteAfterSeconds: 7 * 86400,
};

export type BatchHandler<T> = (jobs: Job<T>[]) => Promise<JobResult[]>;

/**
 * pg-boss on the application's database. In PostgreSQL mode it owns a small pool (and a
 * LISTEN connection, so workers wake as soon as a job is written); on the embedded
 * database it shares the single connection and polls.
 */
@Injectable()
export class QueueService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Queue');
  private readonly boss: PgBoss;

  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
  ) {
    const shared = database.mode === 'embedded';
    this.boss = new PgBoss({
      schema: QUEUE_SCHEMA,
      ...(shared
        ? { db: sqlExecutor(database.pool) }
        : // Its own connections get the long timeout: maintenance deletes may legitimately run long.
          { ...database.poolConfig(config.dbMaintenanceTimeoutMs), max: 4 }),
      useListenNotify: !shared,
      monitorIntervalSeconds: config.queueMonitorIntervalSeconds,
      superviseIntervalSeconds: config.queueMonitorIntervalSeconds,
      application_name: 'mini-soar-queue',
    });
    this.boss.on('error', (error: Error) => this.logger.error(`Queue error: ${error.message}`));
    this.boss.on('warning', (warning: { message?: string }) =>
      this.logger.warn(`Queue warning: ${warning.message}`),
    );
  }

  async onModuleInit(): Promise<void> {
    await this.boss.start();
    const automation = {
      ...AUTOMATION_QUEUE_OPTIONS,
      heartbeatSeconds: this.config.queueHeartbeatSeconds,
      notify: true,
    };
    const periodic = { retryLimit: 0, expireInSeconds: 120 };
    const options: Record<QueueName, object> = {
      [QueueName.ProcessAlert]: automation,
      [QueueName.ReenrichAlert]: automation,
      [QueueName.ExecuteAction]: automation,
      [QueueName.ActionApprovalRequested]: automation,
      [QueueName.UnblockDue]: automation,
      [QueueName.PlaybookRun]: automation,
      [QueueName.PlaybookResume]: automation,
      [QueueName.CaseChanged]: automation,
      [QueueName.SweepStuckAlerts]: periodic,
      [QueueName.ExpireActions]: periodic,
      [QueueName.SweepStuckPlaybookRuns]: periodic,
    };
    // One active job per run (later ones wait their turn), so a run never advances twice at once.
    const policies: Partial<Record<QueueName, { policy: 'singleton' }>> = {
      [QueueName.PlaybookRun]: { policy: 'singleton' },
    };
    for (const name of Object.values(QueueName)) {
      await this.boss.createQueue(name, { ...options[name], ...policies[name] });
      // createQueue keeps an existing queue as it was; a changed setting must apply on restart.
      await this.boss.updateQueue(name, options[name]);
    }
    // pg-boss cached its queue list at start(), before these existed. An empty insert loads them
    // now, so an insert inside an ingest transaction never needs a second connection (the
    // embedded database has only one).
    for (const name of Object.values(QueueName)) await this.boss.insert(name, []);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.boss.stop({ graceful: true, timeout: 10_000 });
  }

  /** Writes jobs inside the caller's transaction, so they commit or roll back with its rows. */
  async insertInTransaction(client: PoolClient, name: QueueName, jobs: JobInsert[]): Promise<void> {
    await this.boss.insert(name, jobs, { db: sqlExecutor(client) });
  }

  /** The statement pg-boss would run to insert these jobs, for callers that fold it into their own. */
  jobInsertStatement(name: QueueName, jobs: JobInsert[]): Promise<CapturedStatement | null> {
    return captureStatement((db) => this.boss.insert(name, jobs, { db }));
  }

  send<N extends QueueName>(
    name: N,
    data: JobMap[N],
    options: SendOptions = {},
  ): Promise<string | null> {
    return this.boss.send(name, data, options);
  }

  async work<N extends QueueName>(
    name: N,
    options: WorkOptions,
    handler: BatchHandler<JobMap[N]>,
  ): Promise<void> {
    await this.boss.work<JobMap[N]>(name, { ...options, perJobResults: true }, handler as never);
  }

  schedule(name: QueueName, cron: string): Promise<void> {
    return this.boss.schedule(name, cron);
  }

  /** On the shared pool: a client waits on this, so it must fail as fast as any request. */
  retry(name: QueueName, id: string): Promise<unknown> {
    return this.boss.retry(name, id, { db: sqlExecutor(this.database.pool) });
  }

  getJob<T>(name: QueueName, id: string) {
    return this.boss.getJobById<T>(name, id);
  }
}
