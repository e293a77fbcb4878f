import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { ConfigError } from '../config/config.error';

export interface EmbeddedConnection {
  host: string;
  port: number;
}

/**
 * The default database: PGlite persisted under DATA_DIR, served on a private loopback port
 * so the app reaches it through the same pg / adapter-pg path as a real PostgreSQL.
 * PGlite is one backend: the pool in front of it must hold a single connection, because
 * the socket server multiplexes messages, not sessions.
 */
export class EmbeddedPostgres {
  private server?: PGLiteSocketServer;
  private db?: PGlite;
  private readonly lockFile: string;

  constructor(private readonly dataDir: string) {
    this.lockFile = join(dataDir, 'pglite.lock');
  }

  async start(): Promise<EmbeddedConnection> {
    mkdirSync(this.dataDir, { recursive: true });
    this.acquireLock();
    this.db = await PGlite.create(join(this.dataDir, 'pglite'));
    // Spare slots let pg-pool reconnect while a dropped socket is still closing.
    this.server = new PGLiteSocketServer({
      db: this.db,
      host: '127.0.0.1',
      port: 0,
      maxConnections: 4,
    });
    await this.server.start();
    const [host, port] = this.server.getServerConn().split(':');
    return { host, port: Number(port) };
  }

  async stop(): Promise<void> {
    await this.server?.stop();
    await this.db?.close();
    rmSync(this.lockFile, { force: true });
  }

  /** PGlite has no cross-process locking; two processes on one data folder would corrupt it. */
  private acquireLock(): void {
    try {
      const fd = openSync(this.lockFile, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(readFileSync(this.lockFile, 'utf8'));
      if (isAlive(owner)) {
        throw new ConfigError(
          `The embedded database in ${this.dataDir} is in use by process ${owner}. ` +
            'Run one process on the embedded database, or set DATABASE_URL to share PostgreSQL.',
        );
      }
      rmSync(this.lockFile, { force: true });
      this.acquireLock();
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
