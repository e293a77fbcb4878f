import type { PoolConfig } from 'pg';
import { FailFastClient } from './fail-fast-client';

/** TCP keepalive probes start after this much idle time, so a vanished peer is noticed. */
const KEEPALIVE_INITIAL_DELAY_MS = 10_000;
const IDLE_TIMEOUT_MS = 30_000;

export interface PoolTimeouts {
  /** Opening a connection, and waiting for a free one in a full pool. */
  connectMs: number;
  /** A statement without an answer; undefined for none (the in-process embedded database). */
  queryMs?: number;
}

/**
 * Settings for every pool and client on the database, so that an outage fails in bounded time
 * in each of its forms: refused, reset, or open but silent.
 */
export function failFastPoolOptions(timeouts: PoolTimeouts): PoolConfig {
  return {
    Client: FailFastClient,
    connectionTimeoutMillis: timeouts.connectMs,
    // Client-side, this detects a silent server; server-side, it stops a statement nobody awaits.
    ...(timeouts.queryMs !== undefined && {
      query_timeout: timeouts.queryMs,
      statement_timeout: timeouts.queryMs,
    }),
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_INITIAL_DELAY_MS,
    idleTimeoutMillis: IDLE_TIMEOUT_MS,
  };
}
