import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface ThrowawayPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * An empty in-memory PostgreSQL (PGlite) on a loopback port, gone when stopped: the Prisma
 * CLI reaches it through adapter-pg like any server, and nothing touches DATA_DIR.
 * Two connection pools share it (main and shadow), so it takes several sockets.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  try {
    await server.start();
  } catch (error) {
    await db.close();
    throw error;
  }
  return {
    url: `postgresql://postgres:postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
