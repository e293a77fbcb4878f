import type { Pool, PoolClient } from 'pg';
import { isDatabaseUnavailable } from './database-errors';

/**
 * Runs `work` in a transaction on one pooled connection, outside Prisma: for hot paths where
 * the ORM's per-query cost dominates. A connection that broke is dropped, not reused.
 */
export async function inTransaction<T>(
  pool: Pool,
  work: (client: PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
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
