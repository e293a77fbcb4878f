import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { isDatabaseUnavailable } from './database-errors';
import { failFastPoolOptions } from './pool-options';

/** A server that completes the PostgreSQL handshake, then never answers a query. */
async function silentPostgres(): Promise<{ port: number; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    socket.once('data', () => {
      const authenticationOk = Buffer.from([0x52, 0, 0, 0, 8, 0, 0, 0, 0]);
      const readyForQuery = Buffer.from([0x5a, 0, 0, 0, 5, 0x49]);
      socket.write(Buffer.concat([authenticationOk, readyForQuery]));
      socket.on('data', () => undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, server, sockets };
}

describe('fail-fast pool on a silent server', () => {
  let silent: Awaited<ReturnType<typeof silentPostgres>>;
  let pool: Pool;

  beforeEach(async () => {
    silent = await silentPostgres();
    // The query timeout is the behaviour under test and the server never answers: it cannot fire early.
    pool = new Pool({
      host: '127.0.0.1',
      port: silent.port,
      user: 'app',
      max: 1,
      ...failFastPoolOptions({ connectMs: 10_000, queryMs: 200 }),
    });
  });

  afterEach(async () => {
    await pool.end();
    silent.sockets.forEach((socket) => socket.destroy());
    await new Promise((resolve) => silent.server.close(resolve));
  });

  it('fails the query as "database unavailable" and drops the connection, even when released without an error', async () => {
    const client = await pool.connect();
    const error: unknown = await client.query('SELECT 1').catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // As Prisma's transactions do: release without passing the error on.
    client.release();
    expect(pool.totalCount).toBe(0);
  });

  it('survives the connection of a checked-out client dropping between queries', async () => {
    const client = await pool.connect();
    const ended = new Promise((resolve) => client.once('end', resolve));
    // With no listener of its own, the client's 'error' event would throw and crash the process.
    silent.sockets.forEach((socket) => socket.destroy());
    await ended;
    client.release(new Error('connection lost'));
    expect(pool.totalCount).toBe(0);
  });
});
