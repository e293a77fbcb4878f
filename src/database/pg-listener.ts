import { Logger } from '@nestjs/common';
import { Client, type ClientConfig } from 'pg';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 30_000;

export interface PgListenerOptions {
  /** Give it keepalive and a connect timeout (failFastPoolOptions), as every connection has. */
  connection: ClientConfig;
  channel: string;
  onNotify: (payload: string) => void;
  /** Called after every (re)connection: notifications sent while disconnected are lost. */
  onConnected: () => void;
}

/**
 * LISTENs on one channel over a dedicated connection (a pooled one would be handed to
 * other queries), and reconnects with backoff when the connection drops.
 */
export class PgListener {
  private readonly logger = new Logger(PgListener.name);
  private client?: Client;
  private retryTimer?: NodeJS.Timeout;
  private retryMs = RETRY_MIN_MS;
  private stopped = false;

  constructor(private readonly options: PgListenerOptions) {}

  /** Resolves after the first attempt; if it failed, retries continue in the background. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.connect();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new Client(this.options.connection);
    client.on('error', (error) => this.dropped(client, error));
    client.on('end', () => this.dropped(client));
    client.on('notification', (message) => {
      if (message.channel === this.options.channel) this.options.onNotify(message.payload ?? '');
    });
    this.client = client;
    try {
      await client.connect();
      await client.query(`LISTEN "${this.options.channel}"`);
      this.retryMs = RETRY_MIN_MS;
      this.options.onConnected();
    } catch (error) {
      this.dropped(client, error as Error);
    }
  }

  private dropped(client: Client, error?: Error): void {
    if (this.client !== client || this.stopped) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.logger.warn(
      `LISTEN ${this.options.channel} connection lost${error ? ` (${error.message})` : ''}; ` +
        `reconnecting in ${this.retryMs} ms`,
    );
    this.retryTimer = setTimeout(() => void this.connect(), this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }
}
