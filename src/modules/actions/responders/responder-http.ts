import {
  OutboundBlockedError,
  OutboundHttpClient,
  OutboundRequestError,
} from '../../../common/http/outbound';
import type { PlannedEffect } from './responder';
import { ResponderError } from './responder.errors';

export const REDACTED = '[redacted]';

/** One outbound HTTP request of a responder, exactly as sent (secrets included). */
export interface HttpCall {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** Objects are sent as JSON, URLSearchParams as a form (application/x-www-form-urlencoded). */
  body?: unknown;
  /** How errors name the request: never the URL when the URL itself is a secret. */
  label: string;
  /** A POST that is harmless to repeat (a read, a token): retried like a GET. */
  retrySafe?: boolean;
}

export interface HttpAnswer {
  status: number;
  /** Parsed JSON, or the text when it is not JSON (undefined when empty). */
  body: unknown;
}

/**
 * The call as a PlannedEffect: the named headers' values (and the whole URL when it is a
 * secret, keeping only its origin) replaced by "[redacted]".
 */
export function httpEffect(
  call: HttpCall,
  redact: { headers?: readonly string[]; url?: boolean } = {},
): PlannedEffect {
  const headers = { ...call.headers };
  for (const name of redact.headers ?? [])
    if (headers[name] !== undefined) headers[name] = REDACTED;
  const url = redact.url ? `${new URL(call.url).origin}/${REDACTED}` : call.url;
  const body = call.body instanceof URLSearchParams ? Object.fromEntries(call.body) : call.body;
  return { kind: 'http', method: call.method, url, headers, body };
}

/**
 * The one place responders' HTTP goes out: the SSRF-guarded OutboundHttpClient (a deadline
 * per attempt, no redirects, GETs retried with backoff; a POST is not repeated here, the job's
 * retry after the responder's own check is its retry). Failures become ResponderErrors that
 * name `call.label`, never a header. A 4xx/5xx answer resolves: the caller knows its meaning.
 */
export async function sendHttp(
  responder: string,
  call: HttpCall,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<HttpAnswer> {
  const client = new OutboundHttpClient({ name: responder, timeoutMs: options.timeoutMs });
  try {
    const { status, json, text } = await client.request({ ...call, signal: options.signal });
    return { status, body: json ?? (text === '' ? undefined : text) };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw outboundFailure(responder, error);
  }
}

/** OutboundHttpClient's errors as ResponderErrors; a refused destination is not retryable. */
export function outboundFailure(responder: string, error: unknown): unknown {
  if (error instanceof OutboundBlockedError) {
    return new ResponderError(responder, error.message, false, { cause: error });
  }
  if (error instanceof OutboundRequestError) {
    const transient = error.failure === 'network' || error.failure === 'timeout';
    // The client names itself first ("jira Jira GET ..."); ResponderError adds the name anyway.
    const message = error.message.replace(new RegExp(`^${responder} `), '');
    return new ResponderError(responder, message, transient, { cause: error });
  }
  return error;
}

/** A ResponderError for an unsuccessful status; 408, 429 and 5xx may pass on a later try. */
export function statusError(
  responder: string,
  label: string,
  status: number,
  detail?: string,
): ResponderError {
  const retryable = status === 408 || status === 429 || status >= 500;
  const meaning =
    status === 401 || status === 403
      ? 'credentials refused'
      : status >= 300 && status < 400
        ? 'redirected (not followed)'
        : retryable
          ? 'temporarily unavailable'
          : 'request refused';
  return new ResponderError(
    responder,
    `${label}: HTTP ${status} ${meaning}${detail ? `: ${detail}` : ''}`,
    retryable,
  );
}
