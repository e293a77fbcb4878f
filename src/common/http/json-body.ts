import { isUtf8 } from 'node:buffer';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import secureJson from 'secure-json-parse';

/** Alerts nest about 10 levels deep; anything past this is hostile or broken. */
export const MAX_JSON_DEPTH = 64;

class BodyError extends Error {
  readonly statusCode = 400;
}

const OPEN_BRACKET = new Set([0x5b, 0x7b]);
const CLOSE_BRACKET = new Set([0x5d, 0x7d]);

/** Nesting depth of JSON text without parsing it (structural bytes are ASCII in UTF-8). */
export function jsonDepthExceeds(buffer: Buffer, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buffer.length; i++) {
    const byte = buffer[i];
    if (inString) {
      if (byte === 0x5c) i++;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) {
      inString = true;
    } else if (OPEN_BRACKET.has(byte)) {
      if (++depth > limit) return true;
    } else if (CLOSE_BRACKET.has(byte)) {
      depth--;
    }
  }
  return false;
}

/** Parses a JSON body strictly: valid UTF-8, bounded depth, no prototype poisoning. */
export function parseJsonBody(buffer: Buffer): unknown {
  const text = buffer.subarray(
    buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0,
  );
  if (text.length === 0 || /^\s*$/.test(text.toString('latin1'))) {
    throw new BodyError('Request body is empty');
  }
  if (!isUtf8(text)) throw new BodyError('Request body is not valid UTF-8');
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
    throw new BodyError(`JSON nesting is deeper than ${MAX_JSON_DEPTH} levels`);
  }
  try {
    return secureJson.parse(text.toString('utf8'), undefined, {
      protoAction: 'remove',
      constructorAction: 'remove',
    });
  } catch (error) {
    throw new BodyError(`Malformed JSON: ${(error as Error).message}`);
  }
}

/**
 * Makes JSON the only accepted body type (anything else is 415) and parses it strictly,
 * keeping the raw bytes for signature checks.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  fastify.removeAllContentTypeParsers();
  for (const contentType of ['application/json', /^application\/[\w.+-]+\+json$/]) {
    fastify.addContentTypeParser(
      contentType,
      { parseAs: 'buffer', bodyLimit },
      (request: FastifyRequest, payload: Buffer, done) => {
        (request as FastifyRequest & { rawBody?: Buffer }).rawBody = payload;
        try {
          done(null, parseJsonBody(payload));
        } catch (error) {
          done(error as Error, undefined);
        }
      },
    );
  }
}
