import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

/**
 * Helmet's headers for our static policy, computed once: running the middleware per request
 * re-parses the CSP each time, a measurable cost on the ingestion hot path. HSTS and the CSP
 * `upgrade-insecure-requests` only make sense over TLS: sent over plain HTTP they make a browser
 * fetch /docs assets by https from a server that has none.
 */
export function securityHeaders(tls: boolean): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  } as unknown as ServerResponse;
  helmet({
    contentSecurityPolicy: {
      directives: {
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'", 'data:'],
        'upgrade-insecure-requests': tls ? [] : null,
      },
    },
    strictTransportSecurity: tls,
  })({} as IncomingMessage, response, () => undefined);
  return headers;
}

export interface ResponseHeaderOptions {
  /** FORCE_HSTS: TLS headers on every response, e.g. behind a proxy that sends no X-Forwarded-Proto. */
  forceTls: boolean;
}

/**
 * Every response, errors included, carries the security headers and its request id. A request
 * counts as TLS when its socket is (or, with TRUST_PROXY, X-Forwarded-Proto says https).
 */
export function registerResponseHeaders(
  fastify: FastifyInstance,
  { forceTls }: ResponseHeaderOptions,
): void {
  const plain = securityHeaders(false);
  const tls = securityHeaders(true);
  fastify.addHook('onSend', async (request, reply) => {
    const headers = forceTls || request.protocol === 'https' ? tls : plain;
    void reply.headers(headers).header('x-request-id', request.id);
  });
}
