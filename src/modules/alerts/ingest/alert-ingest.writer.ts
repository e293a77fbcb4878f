import { Injectable, Logger, type BeforeApplicationShutdown } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { AppConfig } from '../../../config/app-config';
import { Database } from '../../../database/database';
import { isDatabaseUnavailable } from '../../../database/database-errors';
import { inTransaction } from '../../../database/pg-transaction';
import { alertsIngested } from '../../../common/telemetry/telemetry';
import { QueueName } from '../../../queue/queue-names';
import { QueueService } from '../../../queue/queue.service';
import { shiftPlaceholders, withLeadingCte } from '../../../queue/captured-statement';

export interface IngestRow {
  id: string;
  jobId: string;
  source: string;
  connector: string;
  /** The alert as JSON text (already sanitized for jsonb). */
  rawPayload: string;
  apiKeyId: string | null;
}

interface Waiter {
  rows: IngestRow[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

/* Payloads travel as one JSON array text rather than a jsonb[] parameter: joining strings is
 * free, while pg would escape every payload character by character into an array literal. */
const ALERT_PARAMETERS = 6;
const INSERT_ALERTS = `INSERT INTO alerts (id, source, connector, api_key_id, job_id, raw_payload)
  SELECT row.id, row.source, row.connector, row.api_key_id, row.job_id, payload.value
  FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[], $5::uuid[]) WITH ORDINALITY
    AS row(id, source, connector, api_key_id, job_id, position)
  JOIN jsonb_array_elements($6::jsonb) WITH ORDINALITY AS payload(value, position) USING (position)`;

/**
 * Group commit for the webhook hot path: rows that arrive while a commit is in flight (or
 * within INGEST_BATCH_WINDOW_MS) go into one multi-row INSERT plus one bulk job insert, in one
 * transaction. Every caller's promise resolves only once its row and job are committed.
 */
@Injectable()
export class AlertIngestWriter implements BeforeApplicationShutdown {
  private readonly logger = new Logger('IngestWriter');
  private readonly maxInFlight: number;
  /** Prepared statements save planning on PostgreSQL; PGlite's single session outlives connections. */
  private readonly prepared: boolean;
  private readonly statementNames = new Map<string, string>();
  private waiting: Waiter[] = [];
  private inFlight = 0;
  private scheduled = false;
  private drained?: () => void;

  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly queue: QueueService,
  ) {
    const embedded = database.mode === 'embedded';
    this.maxInFlight = embedded ? 1 : Math.max(1, Math.min(4, config.dbPoolSize - 2));
    this.prepared = !embedded;
  }

  write(rows: IngestRow[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      this.schedule();
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.waiting.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => (this.drained = resolve));
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.waiting.length === 0) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    if (this.config.ingestBatchWindowMs > 0) setTimeout(run, this.config.ingestBatchWindowMs);
    else setImmediate(run);
  }

  private async flush(): Promise<void> {
    const batch = this.takeBatch();
    if (batch.length === 0) return;
    this.inFlight++;
    try {
      await this.commit(batch.flatMap((waiter) => waiter.rows));
      batch.forEach((waiter) => waiter.resolve());
    } catch (error) {
      await this.settleFailedBatch(batch, error);
    } finally {
      this.inFlight--;
      if (this.waiting.length > 0) this.schedule();
      else if (this.inFlight === 0) this.drained?.();
    }
  }

  private takeBatch(): Waiter[] {
    const batch: Waiter[] = [];
    let rows = 0;
    while (
      this.waiting.length > 0 &&
      (batch.length === 0 || rows + this.waiting[0].rows.length <= this.config.ingestBatchMax)
    ) {
      const waiter = this.waiting.shift()!;
      rows += waiter.rows.length;
      batch.push(waiter);
    }
    return batch;
  }

  /** One bad request must not fail its neighbours: retry each on its own unless the database is down. */
  private async settleFailedBatch(batch: Waiter[], error: unknown): Promise<void> {
    if (batch.length === 1 || isDatabaseUnavailable(error)) {
      batch.forEach((waiter) => waiter.reject(error));
      return;
    }
    this.logger.warn(
      `Group commit of ${batch.length} requests failed (${(error as Error).message}); retrying one by one`,
    );
    for (const waiter of batch) {
      await this.commit(waiter.rows).then(waiter.resolve, waiter.reject);
    }
  }

  /**
   * One statement when possible: the alert rows go in as a data-modifying CTE in front of
   * pg-boss's own job insert, atomic without BEGIN/COMMIT and one round trip per batch.
   */
  private async commit(rows: IngestRow[]): Promise<void> {
    await this.store(rows);
    for (const row of rows) alertsIngested.inc({ connector: row.connector });
  }

  private async store(rows: IngestRow[]): Promise<void> {
    const jobs = await this.queue.jobInsertStatement(QueueName.ProcessAlert, toJobs(rows));
    const combined =
      jobs &&
      withLeadingCte(
        'stored_alerts',
        INSERT_ALERTS,
        shiftPlaceholders(jobs.text, ALERT_PARAMETERS),
      );
    if (!combined || !jobs) return this.commitInTransaction(rows);
    await this.database.pool.query({
      name: this.statementName(combined),
      text: combined,
      values: [...alertValues(rows), ...jobs.values],
    });
  }

  private statementName(text: string): string | undefined {
    if (!this.prepared) return undefined;
    let name = this.statementNames.get(text);
    if (!name) {
      name = `mini_soar_ingest_${this.statementNames.size + 1}`;
      this.statementNames.set(text, name);
    }
    return name;
  }

  private commitInTransaction(rows: IngestRow[]): Promise<void> {
    return inTransaction(this.database.pool, (client) => this.insert(client, rows));
  }

  private async insert(client: PoolClient, rows: IngestRow[]): Promise<void> {
    await client.query(INSERT_ALERTS, alertValues(rows));
    await this.queue.insertInTransaction(client, QueueName.ProcessAlert, toJobs(rows));
  }
}

function alertValues(rows: IngestRow[]): unknown[] {
  return [
    rows.map((row) => row.id),
    rows.map((row) => row.source),
    rows.map((row) => row.connector),
    rows.map((row) => row.apiKeyId),
    rows.map((row) => row.jobId),
    `[${rows.map((row) => row.rawPayload).join(',')}]`,
  ];
}

function toJobs(rows: IngestRow[]): { id: string; data: { alertId: string } }[] {
  return rows.map((row) => ({ id: row.jobId, data: { alertId: row.id } }));
}
