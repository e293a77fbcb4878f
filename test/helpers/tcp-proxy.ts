import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * How the database looks to the app during an outage: `refused` (the server is down: sessions
 * close, new connections are refused), `cut` (every connection is reset, old and new) or `silent`
 * (connections open but nothing comes back, as when the host freezes or the network drops).
 */
export type OutageMode = 'refused' | 'cut' | 'silent';

/**
 * A TCP proxy in front of PostgreSQL that simulates outages without stopping the shared server;
 * `heal()` lets traffic through again on the same port.
 */
export class TcpProxy {
  private server?: Server;
  /** Each app-side connection, with its upstream connection to PostgreSQL once it has one. */
  private readonly clients = new Map<Socket, Socket | undefined>();
  private port = 0;
  private mode: OutageMode | 'open' = 'open';

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<number> {
    const server = createServer((client) => this.accept(client));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return this.port;
  }

  async fail(mode: OutageMode): Promise<void> {
    this.mode = mode;
    // The listener stops accepting at once; its close completes once every connection is gone.
    const closed = mode === 'refused' ? this.closeListener() : undefined;
    for (const client of this.clients.keys()) {
      if (mode === 'silent') this.silence(client);
      else if (mode === 'cut') client.resetAndDestroy();
      else client.destroy();
    }
    await closed;
  }

  /** Back to normal. Sessions held during a silent spell are gone, as a server would have dropped them. */
  async heal(): Promise<void> {
    if (this.mode === 'silent') for (const client of this.clients.keys()) client.destroy();
    this.mode = 'open';
    if (!this.server) await this.start();
  }

  async stop(): Promise<void> {
    for (const client of this.clients.keys()) client.destroy();
    await this.closeListener();
  }

  /** A database URL that goes through the proxy. */
  rewrite(databaseUrl: string): string {
    const url = new URL(databaseUrl);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  private accept(client: Socket): void {
    this.clients.set(client, undefined);
    client.on('close', () => this.clients.delete(client));
    client.on('error', () => client.destroy());
    if (this.mode === 'cut') return void client.resetAndDestroy();
    if (this.mode === 'silent') return this.silence(client);
    const upstream = connect(this.targetPort, this.targetHost);
    this.clients.set(client, upstream);
    upstream.on('error', () => upstream.destroy());
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }

  /** Keeps the connection open and swallows what the app sends; nothing comes back. */
  private silence(client: Socket): void {
    const upstream = this.clients.get(client);
    client.unpipe();
    upstream?.unpipe(client);
    upstream?.pause();
    client.on('data', () => undefined);
  }

  private async closeListener(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
