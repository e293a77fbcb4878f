import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';

/**
 * Route config (`@RouteConfig(FORM_BODY_ROUTE)`) of the few routes that take
 * application/x-www-form-urlencoded (Slack interactions); every other route keeps JSON only.
 */
export const FORM_BODY_ROUTE = { formBody: true } as const;

class FormBodyError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

/** Fields of a form body; later duplicates win, inherited names mean nothing. */
export function parseFormBody(buffer: Buffer): Record<string, string> {
  if (!isUtf8(buffer)) throw new FormBodyError(400, 'Request body is not valid UTF-8');
  const fields: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of new URLSearchParams(buffer.toString('utf8'))) fields[key] = value;
  return fields;
}

/**
 * Form bodies for routes that opt in (415 elsewhere, as before), keeping the raw bytes for
 * signature checks.
 */
export function registerFormBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'buffer', bodyLimit },
    (request: FastifyRequest, payload: Buffer, done) => {
      const config = request.routeOptions.config as { formBody?: boolean } | undefined;
      if (config?.formBody !== true) {
        done(new FormBodyError(415, 'Unsupported Content-Type: send the body as application/json'));
        return;
      }
      (request as FastifyRequest & { rawBody?: Buffer }).rawBody = payload;
      try {
        done(null, parseFormBody(payload));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
