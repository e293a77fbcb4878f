import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's headers for our static policy, computed once: running the middleware per request
 * re-parses the CSP each time, a measurable cost on the ingestion hot path.
 */
export function securityHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  helmet({
    contentSecurityPolicy: {
      directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] },
    },
  })({} as IncomingMessage, response, () => undefined);
  return headers;
}

/** Every response, errors included, carries the security headers and its request id. */
export function registerResponseHeaders(fastify: FastifyInstance): void {
  const headers = securityHeaders();
  fastify.addHook('onSend', async (request, reply) => {
    void reply.headers(headers).header('x-request-id', request.id);
  });
}
