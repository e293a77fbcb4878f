import { PrismaPg } from '@prisma/adapter-pg';
import { Pool, type QueryResult } from 'pg';
import { defineConfig } from 'prisma/config';

// Placeholder so `prisma generate` (which never connects) works without a database.
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://localhost:5432/mini_soar';
process.env.DATABASE_URL = databaseUrl;

/*
 * Workaround for prisma/orm#27403: the WASM schema engine reads catalog columns of type
 * `name` (oid 19) and `"char"` (oid 18), which adapter-pg cannot map. Rewriting them (and
 * their arrays) to text lets `prisma migrate deploy` run offline. CLI process only.
 */
const TEXT_OID_FOR: Record<number, number> = { 18: 25, 19: 25, 1002: 1009, 1003: 1009 };

function asTextColumns(result: QueryResult): QueryResult {
  for (const field of result?.fields ?? []) {
    field.dataTypeID = TEXT_OID_FOR[field.dataTypeID] ?? field.dataTypeID;
  }
  return result;
}

const originalQuery = Pool.prototype.query as (...args: unknown[]) => unknown;
Pool.prototype.query = function patchedQuery(this: Pool, ...args: unknown[]) {
  const callback = args.at(-1);
  if (typeof callback === 'function') {
    const done = callback as (err: Error | undefined, result: QueryResult) => void;
    args[args.length - 1] = (err: Error | undefined, result: QueryResult) =>
      done(err, err ? result : asTextColumns(result));
    return originalQuery.apply(this, args);
  }
  return (originalQuery.apply(this, args) as Promise<QueryResult>).then(asTextColumns);
} as typeof Pool.prototype.query;

/*
 * adapter-pg's executeScript splits a migration on every ';', which breaks function bodies
 * ($$ ... ; ... $$, e.g. the audit log's append-only triggers). PostgreSQL runs a whole
 * multi-statement script as one simple query, as the app's own migration runner does.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect(): ReturnType<PrismaPg['connect']> {
    const adapter = await super.connect();
    const pool = (adapter as unknown as { client: Pool }).client;
    adapter.executeScript = async (script: string): Promise<void> => {
      await pool.query(script);
    };
    return adapter;
  }
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  adapter: () => Promise.resolve(new WholeScriptPrismaPg({ connectionString: databaseUrl })),
});
