import { Logger } from '@nestjs/common';
import { Pool, type PoolConfig } from 'pg';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migration-runner';
import { failFastPoolOptions } from './pool-options';

export type DatabaseMode = 'embedded' | 'postgresql';

/**
 * The shared connection pool of the process. Prisma (through adapter-pg), the ingestion fast
 * path and the health check use it; on the embedded single-connection database pg-boss does
 * too. Its timeouts are short, so a request meets an outage with a quick 503.
 */
const logger = new Logger('Database');

export class Database {
  private constructor(
    readonly pool: Pool,
    readonly mode: DatabaseMode,
    /** Where the database is: the base of any further pool on it. */
    private readonly connection: PoolConfig,
    private readonly connectTimeoutMs: number,
    private readonly embedded?: EmbeddedPostgres,
  ) {}

  static async open(config: AppConfig): Promise<Database> {
    const database = config.databaseUrl
      ? Database.openPostgres(config, config.databaseUrl)
      : await Database.openEmbedded(config);
    try {
      const applied = await database.migrate(config.dbMaintenanceTimeoutMs);
      if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  private static openPostgres(config: AppConfig, connectionString: string): Database {
    const connection = { connectionString };
    const pool = createPool({
      ...connection,
      ...failFastPoolOptions({
        connectMs: config.dbConnectTimeoutMs,
        queryMs: config.dbQueryTimeoutMs,
      }),
      max: config.dbPoolSize,
    });
    return new Database(pool, 'postgresql', connection, config.dbConnectTimeoutMs);
  }

  private static async openEmbedded(config: AppConfig): Promise<Database> {
    const embedded = new EmbeddedPostgres(config.dataDir);
    const { host, port } = await embedded.start();
    logger.log(`Using the embedded database (PGlite) in ${config.dataDir} via 127.0.0.1:${port}`);
    const connection = { host, port, user: 'postgres', database: 'postgres' };
    // In-process, it cannot go silent apart from the app: no query timeout to cut a slow statement.
    const pool = createPool({
      ...connection,
      ...failFastPoolOptions({ connectMs: config.dbConnectTimeoutMs }),
      max: 1,
    });
    return new Database(pool, 'embedded', connection, config.dbConnectTimeoutMs, embedded);
  }

  /**
   * Settings for another pool or client on this PostgreSQL database (the job queue, listeners),
   * with its own query timeout: work that may legitimately run long must not get the short one.
   */
  poolConfig(queryTimeoutMs: number): PoolConfig {
    return {
      ...this.connection,
      ...failFastPoolOptions({ connectMs: this.connectTimeoutMs, queryMs: queryTimeoutMs }),
    };
  }

  /** Where the data lives, for the startup log; never includes credentials. */
  describe(): string {
    if (this.mode === 'embedded') return 'the embedded database (PGlite)';
    const url = new URL(this.pool.options.connectionString ?? 'postgresql://localhost');
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    await this.pool.end();
    await this.embedded?.stop();
  }

  /** Migrations can take minutes: on PostgreSQL they run on a connection of their own. */
  private async migrate(timeoutMs: number): Promise<string[]> {
    if (this.mode === 'embedded') return applyMigrations(this.pool);
    const pool = createPool({ ...this.poolConfig(timeoutMs), max: 1 });
    try {
      return await applyMigrations(pool);
    } finally {
      await pool.end();
    }
  }
}

function createPool(options: PoolConfig): Pool {
  const pool = new Pool(options);
  pool.on('error', (error) => logger.warn(`Idle database connection failed: ${error.message}`));
  return pool;
}
