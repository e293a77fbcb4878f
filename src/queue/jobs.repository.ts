import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { Database } from '../database/database';
import { AUTOMATION_QUEUES } from './queue-names';
import { QUEUE_SCHEMA } from './queue.service';

/** Job states as the API names them. */
export type JobState = 'queued' | 'processing' | 'done' | 'failed';

const BOSS_STATES: Record<JobState, string[]> = {
  queued: ['created', 'retry'],
  processing: ['active'],
  done: ['completed'],
  failed: ['failed', 'cancelled'],
};

export interface JobView {
  id: string;
  queue: string;
  state: JobState;
  data: Record<string, unknown>;
  retryCount: number;
  retryLimit: number;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  completedAt: Date | null;
  nextAttemptAt: Date | null;
}

interface JobRow {
  id: string;
  name: string;
  state: string;
  data: Record<string, unknown> | null;
  output: unknown;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  started_on: Date | null;
  completed_on: Date | null;
  start_after: Date;
}

const COLUMNS =
  'id, name, state, data, output, retry_count, retry_limit, created_on, started_on, completed_on, start_after';

/**
 * Reads pg-boss's job table for the jobs API: pg-boss has no query by state, and this
 * table is its documented storage. Writes always go through pg-boss itself.
 */
@Injectable()
export class JobsRepository {
  constructor(private readonly database: Database) {}

  async find(id: string): Promise<JobView | null> {
    const { rows } = await this.database.pool.query<JobRow>(
      `SELECT ${COLUMNS} FROM ${QUEUE_SCHEMA}.job WHERE id = $1 AND name = ANY($2)`,
      [id, AUTOMATION_QUEUES],
    );
    return rows[0] ? toJobView(rows[0]) : null;
  }

  /**
   * The newest job of `queue` under each of these singleton keys (a key with none is absent).
   * Pass the caller's transaction client: the embedded database has a single connection.
   */
  async latestByKey(
    queue: string,
    keys: string[],
    db: Pick<PoolClient, 'query'> = this.database.pool,
  ): Promise<Map<string, JobView>> {
    const { rows } = await db.query<JobRow & { singleton_key: string }>(
      `SELECT DISTINCT ON (singleton_key) ${COLUMNS}, singleton_key FROM ${QUEUE_SCHEMA}.job
        WHERE name = $1 AND singleton_key = ANY($2) ORDER BY singleton_key, created_on DESC`,
      [queue, keys],
    );
    return new Map(rows.map((row) => [row.singleton_key, toJobView(row)]));
  }

  async list(
    state: JobState | undefined,
    skip: number,
    take: number,
  ): Promise<{ total: number; items: JobView[] }> {
    const states = state ? BOSS_STATES[state] : Object.values(BOSS_STATES).flat();
    const where = `name = ANY($1) AND state::text = ANY($2)`;
    const [count, page] = await Promise.all([
      this.database.pool.query<{ total: string }>(
        `SELECT count(*) AS total FROM ${QUEUE_SCHEMA}.job WHERE ${where}`,
        [AUTOMATION_QUEUES, states],
      ),
      this.database.pool.query<JobRow>(
        `SELECT ${COLUMNS} FROM ${QUEUE_SCHEMA}.job WHERE ${where} ORDER BY created_on DESC LIMIT $3 OFFSET $4`,
        [AUTOMATION_QUEUES, states, take, skip],
      ),
    ]);
    return { total: Number(count.rows[0].total), items: page.rows.map(toJobView) };
  }
}

function toJobView(row: JobRow): JobView {
  const state =
    (Object.keys(BOSS_STATES) as JobState[]).find((key) => BOSS_STATES[key].includes(row.state)) ??
    'queued';
  return {
    id: row.id,
    queue: row.name,
    state,
    data: row.data ?? {},
    retryCount: row.retry_count,
    retryLimit: row.retry_limit,
    error: state === 'failed' || row.state === 'retry' ? errorMessage(row.output) : null,
    createdAt: row.created_on,
    startedAt: row.started_on,
    completedAt: row.completed_on,
    nextAttemptAt: state === 'queued' ? row.start_after : null,
  };
}

function errorMessage(output: unknown): string | null {
  if (output && typeof output === 'object' && 'message' in output) return String(output.message);
  return output ? JSON.stringify(output) : null;
}
