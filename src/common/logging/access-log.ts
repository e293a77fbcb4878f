import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { LogLevel } from '../../config/env.schema';
import { logDestination } from './log-destination';

/**
 * One line per request from a Fastify hook. Its fields are fixed (id, method, URL, status,
 * duration: no headers, no bodies), so it needs no redaction and no middleware layer, which
 * keeps it cheap on the ingestion hot path.
 */
export function registerAccessLog(fastify: FastifyInstance, level: LogLevel): void {
  const log = pino({ level, base: { context: 'http' } }, logDestination());
  fastify.addHook('onResponse', async (request, reply) => {
    if (request.url.startsWith('/health')) return;
    const status = reply.statusCode;
    const entry = {
      req: { id: request.id, method: request.method, url: request.url },
      res: { statusCode: status },
      responseTime: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (status >= 500) log.error(entry, 'request failed');
    else if (status >= 400) log.warn(entry, 'request rejected');
    else log.info(entry, 'request completed');
  });
}
