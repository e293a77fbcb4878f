import { QUERY_TIMEOUT_MESSAGE } from './fail-fast-client';

const UNREACHABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNREACHABLE_ADAPTER_KINDS = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
]);
const UNREACHABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
]);
const UNREACHABLE_MESSAGES = [
  'Connection terminated',
  QUERY_TIMEOUT_MESSAGE,
  'timeout exceeded when trying to connect',
  'Client has encountered a connection error',
  'Cannot use a pool after calling end',
  'Client was closed and is not queryable',
];

interface ErrorLike {
  code?: unknown;
  kind?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: unknown } };
}

/**
 * True when an error means "the database cannot be reached right now" (server down,
 * connection dropped, pool exhausted, no answer in time), which clients see as 503, never 500.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (typeof error !== 'object' || error === null || depth > 5) return false;
  const e = error as ErrorLike;
  const code = typeof e.code === 'string' ? e.code : '';
  if (UNREACHABLE_PRISMA_CODES.has(code) || UNREACHABLE_NODE_CODES.has(code)) return true;
  // SQLSTATE class 08 (connection exception), 57P0x (server shutting down / starting up) and
  // 57014 (statement_timeout: the server is too slow to answer in time).
  if (/^08|^57P0[1-3]$|^57014$/.test(code)) return true;
  if (typeof e.kind === 'string' && UNREACHABLE_ADAPTER_KINDS.has(e.kind)) return true;
  const message = typeof e.message === 'string' ? e.message : '';
  if (UNREACHABLE_MESSAGES.some((text) => message.includes(text))) return true;
  if (
    error instanceof AggregateError &&
    error.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))
  ) {
    return true;
  }
  return (
    isDatabaseUnavailable(e.cause, depth + 1) ||
    isDatabaseUnavailable(e.meta?.driverAdapterError?.cause, depth + 1)
  );
}

/** The SQLSTATE of a PostgreSQL error, however deeply Prisma wrapped it. */
export function sqlState(error: unknown, depth = 0): string | undefined {
  if (typeof error !== 'object' || error === null || depth > 5) return undefined;
  const e = error as ErrorLike & { originalCode?: unknown };
  for (const candidate of [e.originalCode, e.code]) {
    // Five characters, but not Prisma's own P1xxx-P6xxx codes (SQLSTATE only has class P0).
    if (
      typeof candidate === 'string' &&
      /^[0-9A-Z]{5}$/.test(candidate) &&
      !/^P[1-9]/.test(candidate)
    )
      return candidate;
  }
  return sqlState(e.cause, depth + 1) ?? sqlState(e.meta?.driverAdapterError?.cause, depth + 1);
}
