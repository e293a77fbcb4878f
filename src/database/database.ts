import { Logger } from '@nestjs/common';
import { Pool } from 'pg';
import type { AppConfig } from '../config/app-config';
import { EmbeddedPostgres } from './embedded-postgres';
import { applyMigrations } from './migration-runner';

export type DatabaseMode = 'embedded' | 'postgresql';

/**
 * The one connection pool of the process. Prisma (through adapter-pg), pg-boss and the
 * ingestion fast path all share it, so the embedded single-connection database works too.
 */
const logger = new Logger('Database');

export class Database {
  private constructor(
    readonly pool: Pool,
    readonly mode: DatabaseMode,
    private readonly embedded?: EmbeddedPostgres,
  ) {}

  static async open(config: AppConfig): Promise<Database> {
    const database = config.databaseUrl
      ? new Database(
          createPool({ connectionString: config.databaseUrl, max: config.dbPoolSize }),
          'postgresql',
        )
      : await Database.openEmbedded(config.dataDir);
    try {
      const applied = await applyMigrations(database.pool);
      if (applied.length > 0) logger.log(`Applied migrations: ${applied.join(', ')}`);
    } catch (error) {
      await database.close();
      throw error;
    }
    return database;
  }

  private static async openEmbedded(dataDir: string): Promise<Database> {
    const embedded = new EmbeddedPostgres(dataDir);
    const { host, port } = await embedded.start();
    logger.log(`Using the embedded database (PGlite) in ${dataDir} via 127.0.0.1:${port}`);
    return new Database(
      createPool({ host, port, user: 'postgres', database: 'postgres', max: 1 }),
      'embedded',
      embedded,
    );
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
}

function createPool(options: ConstructorParameters<typeof Pool>[0]): Pool {
  // Fail fast when the database is unreachable: callers turn this into a 503.
  const pool = new Pool({ connectionTimeoutMillis: 3000, idleTimeoutMillis: 30000, ...options });
  pool.on('error', (error) => logger.warn(`Idle database connection failed: ${error.message}`));
  return pool;
}
