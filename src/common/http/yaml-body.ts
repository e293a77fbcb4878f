import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { parse } from 'yaml';
import { MAX_JSON_DEPTH } from './json-body';

/**
 * Route config (`@RouteConfig(YAML_BODY_ROUTE)`) of the routes that also take YAML
 * (playbook definitions); every other route keeps answering 415 to it.
 */
export const YAML_BODY_ROUTE = { yamlBody: true } as const;
export const YAML_CONTENT_TYPES = ['application/yaml', 'application/x-yaml', 'text/yaml'];

class YamlBodyError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}

function depthExceeds(value: unknown, limit: number, depth = 0): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth >= limit) return true;
  const children = Array.isArray(value) ? value : Object.values(value);
  return children.some((child) => depthExceeds(child, limit, depth + 1));
}

/**
 * Parses one YAML document as plain data: core schema only (no custom tags), duplicate keys
 * refused, few aliases (no "billion laughs"), bounded depth.
 */
export function parseYamlBody(buffer: Buffer): unknown {
  if (!isUtf8(buffer)) throw new YamlBodyError(400, 'Request body is not valid UTF-8');
  const text = buffer.toString('utf8');
  if (/^\s*$/.test(text)) throw new YamlBodyError(400, 'Request body is empty');
  let value: unknown;
  try {
    value = parse(text, {
      schema: 'core',
      uniqueKeys: true,
      merge: false,
      maxAliasCount: 20,
      prettyErrors: true,
    });
  } catch (error) {
    throw new YamlBodyError(400, `Malformed YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  if (depthExceeds(value, MAX_JSON_DEPTH)) {
    throw new YamlBodyError(400, `YAML nesting is deeper than ${MAX_JSON_DEPTH} levels`);
  }
  return value;
}

/** YAML bodies for routes that opt in; 415 elsewhere, as for any type but JSON. */
export function registerYamlBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.addContentTypeParser(
    YAML_CONTENT_TYPES,
    { parseAs: 'buffer', bodyLimit },
    (request: FastifyRequest, payload: Buffer, done) => {
      const config = request.routeOptions.config as { yamlBody?: boolean } | undefined;
      if (config?.yamlBody !== true) {
        done(new YamlBodyError(415, 'Unsupported Content-Type: send the body as application/json'));
        return;
      }
      try {
        done(null, parseYamlBody(payload));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
}
