import type { PlannedEffect } from './responder';
import { ResponderError } from './responder.errors';

export const REDACTED = '[redacted]';

/** One outbound HTTP request of a responder, exactly as sent (secrets included). */
export interface HttpCall {
  method: 'GET' | 'POST';
  url: string;
  headers: Record<string, string>;
  /** Sent as JSON when present. */
  body?: unknown;
  /** How errors name the request: never the URL when the URL itself is a secret. */
  label: string;
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
  return { kind: 'http', method: call.method, url, headers, body: call.body };
}

/**
 * The one place responders' HTTP goes out: a deadline over the whole exchange, no redirects
 * (they would carry the auth header elsewhere), and failures as ResponderErrors that name
 * `call.label`, never a header. A 4xx/5xx answer resolves: the caller knows what it means.
 */
export async function sendHttp(
  responder: string,
  call: HttpCall,
  options: { timeoutMs: number; signal?: AbortSignal },
): Promise<HttpAnswer> {
  const deadline = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  let response: Response;
  let text: string;
  try {
    response = await fetch(call.url, {
      method: call.method,
      headers:
        call.body === undefined
          ? call.headers
          : { 'Content-Type': 'application/json', ...call.headers },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      redirect: 'manual',
      signal,
    });
    text = await response.text();
  } catch (error) {
    if (options.signal?.aborted) throw options.signal.reason;
    if (deadline.aborted) {
      throw new ResponderError(
        responder,
        `${call.label}: no answer within ${options.timeoutMs} ms`,
        true,
      );
    }
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    const why = cause?.code ?? cause?.message ?? (error as Error).message;
    throw new ResponderError(responder, `${call.label}: cannot connect (${why})`, true);
  }
  return { status: response.status, body: parseBody(text) };
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

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
