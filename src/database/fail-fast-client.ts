import { Client, type ClientConfig } from 'pg';

/** pg's message when `query_timeout` passes without an answer from the server. */
export const QUERY_TIMEOUT_MESSAGE = 'Query read timeout';

/**
 * A pg client that closes its connection when a query times out. pg leaves the unanswered query
 * active on the connection, so pg-pool would otherwise hand the stuck connection out again
 * (Prisma's transactions release it without an error). Ending it marks it for removal.
 */
export class FailFastClient extends Client {
  constructor(config?: ClientConfig) {
    super(config);
    // pg-pool listens for errors only while a client is idle. A checked-out client whose
    // connection drops emits 'error' with nobody listening, which would crash the process in
    // an outage; its pending queries reject anyway, and the pool discards it on release.
    this.on('error', () => undefined);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    this.query = ((...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise) result.catch((error: unknown) => this.endIfTimedOut(error));
      return result;
    }) as Client['query'];
  }

  private endIfTimedOut(error: unknown): void {
    if (error instanceof Error && error.message === QUERY_TIMEOUT_MESSAGE) {
      this.end().catch(() => undefined);
    }
  }
}
