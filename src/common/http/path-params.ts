import type { FastifyInstance } from 'fastify';

export const MAX_PATH_PARAM_LENGTH = 100;
/**
 * What the router accepts, so a longer parameter reaches our check instead of Fastify's 414
 * (which echoes the URL back). Node's header size limit bounds the URL anyway.
 */
export const ROUTER_MAX_PARAM_LENGTH = 16 * 1024;

class PathParamError extends Error {
  readonly statusCode = 400;
}

/** Answers a path parameter over the limit with a 400, before the body is read or auth runs. */
export function registerPathParamLimit(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const params = request.params as Record<string, string> | undefined;
    for (const name in params) {
      if (params[name].length > MAX_PATH_PARAM_LENGTH) {
        done(
          new PathParamError(
            `path parameter ${name} is too long (max ${MAX_PATH_PARAM_LENGTH} characters)`,
          ),
        );
        return;
      }
    }
    done();
  });
}
