import { Injectable } from '@nestjs/common';
import { Database } from '../../../database/database';

export interface KeyFailures {
  key: string;
  failures: number;
}

/** The login_throttle table: plain SQL, so every process counts in one place. */
@Injectable()
export class LoginThrottleRepository {
  constructor(private readonly database: Database) {}

  /** The latest lock among `keys` still running at `now`, or null. */
  async lockedUntil(keys: string[], now: Date): Promise<Date | null> {
    const { rows } = await this.database.pool.query<{ until: Date | null }>(
      'SELECT max(locked_until) AS until FROM login_throttle WHERE key = ANY($1) AND locked_until > $2',
      [keys, now],
    );
    return rows[0]?.until ?? null;
  }

  /**
   * Counts one failure on each key. A key quiet for a whole window (no failure, no lock
   * running) starts again from 1, so old failures are forgiven but a lockout is not.
   */
  async addFailure(keys: string[], now: Date, quietSince: Date): Promise<KeyFailures[]> {
    const { rows } = await this.database.pool.query<KeyFailures>(
      `INSERT INTO login_throttle AS t (key, failures, last_failure_at)
       SELECT unnest($1::text[]), 1, $2
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN greatest(t.last_failure_at, t.locked_until) <= $3
                         THEN 1 ELSE t.failures + 1 END,
         locked_until = CASE WHEN greatest(t.last_failure_at, t.locked_until) <= $3
                             THEN NULL ELSE t.locked_until END,
         last_failure_at = $2
       RETURNING key, failures`,
      [keys, now, quietSince],
    );
    return rows;
  }

  /** Extends locks; a concurrent shorter lock never shortens a longer one. */
  async lock(locks: { key: string; until: Date }[]): Promise<void> {
    if (locks.length === 0) return;
    await this.database.pool.query(
      `UPDATE login_throttle AS t
       SET locked_until = greatest(t.locked_until, l.until)
       FROM unnest($1::text[], $2::timestamptz[]) AS l(key, until)
       WHERE t.key = l.key`,
      [locks.map((l) => l.key), locks.map((l) => l.until)],
    );
  }

  async clear(key: string): Promise<void> {
    await this.database.pool.query('DELETE FROM login_throttle WHERE key = $1', [key]);
  }

  /** Drops keys quiet since `quietSince`: they would start again from 1 anyway. */
  async prune(quietSince: Date): Promise<void> {
    await this.database.pool.query(
      `DELETE FROM login_throttle
       WHERE last_failure_at <= $1 AND (locked_until IS NULL OR locked_until <= $1)`,
      [quietSince],
    );
  }
}
