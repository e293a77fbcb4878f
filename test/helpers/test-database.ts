import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client, Pool } from 'pg';
import { applyMigrations } from '../../src/database/migration-runner';

/** Server used to create and drop the per-run databases (trust auth on the CI machine). */
export const ADMIN_DATABASE_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const TEMPLATE_ENV = 'MINI_SOAR_TEST_TEMPLATE_DB';
const RUN_PREFIX = 'mini_soar_test_';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({
    connectionString: ADMIN_DATABASE_URL,
    connectionTimeoutMillis: 5000,
  });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `Tests need PostgreSQL at ${ADMIN_DATABASE_URL} (set TEST_DATABASE_ADMIN_URL): ${(error as Error).message}`,
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates the run's template database with every migration applied (global setup). */
export async function createTemplateDatabase(): Promise<string> {
  const name = `${RUN_PREFIX}tpl_${process.pid}_${randomBytes(3).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}"`));
  const pool = new Pool({ connectionString: databaseUrl(name), max: 1 });
  try {
    await applyMigrations(pool);
  } finally {
    await pool.end();
  }
  process.env[TEMPLATE_ENV] = name;
  return name;
}

/** A fresh, migrated database for one test file, copied from the template. */
export async function createTestDatabase(): Promise<{
  name: string;
  url: string;
  drop: () => Promise<void>;
}> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) throw new Error('The e2e global setup did not create a template database');
  const name = `${template.replace('_tpl_', '_')}_${randomBytes(4).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return { name, url: databaseUrl(name), drop: () => dropDatabase(name) };
}

/** How long a drop waits for connections the test just closed to finish closing. */
const CLOSING_GRACE_MS = 5000;

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin(async (client) => {
    // pg-pool's end() resolves before its sockets close; FORCE would kill those backends
    // mid-goodbye and their clients would raise an unhandled error in the test.
    const deadline = Date.now() + CLOSING_GRACE_MS;
    while (Date.now() < deadline && (await connectionsTo(client, name)) > 0) await sleep(50);
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}

async function connectionsTo(client: Client, name: string): Promise<number> {
  const { rows } = await client.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1',
    [name],
  );
  return rows[0].n;
}

/** Drops the template and anything a crashed file left behind. */
export async function dropRunDatabases(): Promise<void> {
  const template = process.env[TEMPLATE_ENV];
  if (!template) return;
  const runPrefix = template.replace('_tpl_', '_');
  await withAdmin(async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname = $1 OR datname LIKE $2',
      [template, `${runPrefix}%`],
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
