import type { Pool, PoolClient } from 'pg';
import type { Db as IDatabase } from 'pg-boss';

/** Lets pg-boss run its statements on our pool, or inside one of our transactions. */
export function sqlExecutor(target: Pool | PoolClient): IDatabase {
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      const result = await target.query(text, values);
      return { rows: result.rows as unknown[] };
    },
  };
}
