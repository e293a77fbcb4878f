import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import { isDatabaseUnavailable } from './database-errors';

/**
 * Runs `work` in a transaction on one pooled connection, outside Prisma: for hot paths where
 * the ORM's per-query cost dominates. A connection that broke is dropped, not reused.
 */
export function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  return transaction(pool, 'BEGIN', work);
}

/**
 * The same under a transaction-scoped advisory lock on `name` (a fingerprint, not a global
 * key), taken in the same round trip as BEGIN: the per-alert paths pay one trip, not two.
 */
export function inLockedTransaction<T>(
  pool: Pool,
  name: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  return transaction(pool, `BEGIN; SELECT pg_advisory_xact_lock(${advisoryKey(name)})`, work);
}

/** A signed 64-bit key from the name, as a literal (a multi-statement query takes no parameters). */
export function advisoryKey(name: string): string {
  return createHash('sha256').update(name).digest().readBigInt64BE(0).toString();
}

async function transaction<T>(
  pool: Pool,
  begin: string,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query(begin);
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    broken = error as Error;
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release(broken && isDatabaseUnavailable(broken) ? broken : undefined);
  }
}
