import type { Readable } from 'node:stream';
import axios, { type AxiosInstance, type AxiosResponse, type ResponseType } from 'axios';
import { toError } from '../../time/abortable';
import { backoffDelayMs } from '../../time/backoff';
import { systemClock, type Clock } from '../../time/clock';
import { guardedHttpAgent, guardedHttpsAgent } from './guarded-agents';
import { OutboundBlockedError, OutboundRequestError } from './outbound.errors';
import { parseRetryAfter } from './retry-after';

export type OutboundMethod = 'GET' | 'HEAD' | 'OPTIONS' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface OutboundRetryOptions {
  /** Retries after the first attempt. */
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the answer is returned as it is. */
  maxRetryAfterMs: number;
}

export interface OutboundClientOptions {
  /** Names the peer in error messages ("jira", "slack"). */
  name: string;
  /** Relative request URLs resolve against it; absolute ones pass through. */
  baseUrl?: string;
  /** Per attempt, bounding the whole exchange (connect, headers and body). */
  timeoutMs?: number;
  /** Sent with every request; may hold tokens, so never logged nor copied into errors. */
  headers?: Record<string, string>;
  retry?: Partial<OutboundRetryOptions>;
  /** Largest response body read (larger answers fail with `too_large`). */
  maxBodyBytes?: number;
  /** 0 by default: a redirect would carry auth headers elsewhere. Each hop is re-checked. */
  maxRedirects?: number;
  clock?: Clock;
  /** 0..1, for backoff jitter. */
  random?: () => number;
}

export interface OutboundRequest {
  method?: OutboundMethod;
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string | number | boolean | undefined>;
  /** Objects and arrays are sent as JSON; strings, Buffers and URLSearchParams as they are. */
  body?: unknown;
  timeoutMs?: number;
  /**
   * Lets a non-idempotent request (POST, PATCH) be retried. Only for calls the peer
   * deduplicates (an idempotency key) or that are harmless to repeat.
   */
  retrySafe?: boolean;
  signal?: AbortSignal;
  /** How errors name the request (default: origin and path); for URLs that are secrets. */
  label?: string;
}

export interface OutboundResponse {
  status: number;
  headers: Record<string, string | undefined>;
  text: string;
  /** The body parsed as JSON; undefined when it is empty or not JSON. */
  json: unknown;
  attempts: number;
}

export interface OutboundStreamResponse extends Omit<OutboundResponse, 'text' | 'json'> {
  stream: Readable;
}

export const OUTBOUND_DEFAULTS = {
  timeoutMs: 10_000,
  maxBodyBytes: 5 * 1024 * 1024,
  retry: { maxRetries: 2, baseDelayMs: 300, maxDelayMs: 5_000, maxRetryAfterMs: 30_000 },
} as const;

const IDEMPOTENT = new Set<OutboundMethod>(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);
const MAX_QUOTED_BODY = 300;
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ERR_CANCELED']);

/**
 * The HTTP client of every responder and provider: the SSRF-guarded agents (each connection
 * checked after DNS resolution, redirects off by default), a deadline per attempt, a body-size
 * cap, and retries with exponential backoff + jitter on network errors, timeouts, 429 (honouring
 * a bounded Retry-After) and 5xx, for idempotent methods or requests marked `retrySafe`.
 * Non-2xx answers are returned, not thrown: the caller knows what its vendor's statuses mean.
 */
export class OutboundHttpClient {
  private readonly http: AxiosInstance;
  private readonly retry: OutboundRetryOptions;
  private readonly clock: Clock;
  private readonly random: () => number;
  private readonly timeoutMs: number;

  constructor(private readonly options: OutboundClientOptions) {
    this.retry = { ...OUTBOUND_DEFAULTS.retry, ...options.retry };
    this.clock = options.clock ?? systemClock;
    this.random = options.random ?? Math.random;
    this.timeoutMs = options.timeoutMs ?? OUTBOUND_DEFAULTS.timeoutMs;
    const maxBodyBytes = options.maxBodyBytes ?? OUTBOUND_DEFAULTS.maxBodyBytes;
    this.http = axios.create({
      baseURL: options.baseUrl,
      headers: { 'User-Agent': 'mini-soar', ...options.headers },
      httpAgent: guardedHttpAgent,
      httpsAgent: guardedHttpsAgent,
      // Environment proxies would make the proxy, not the guard, choose the address.
      proxy: false,
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxContentLength: maxBodyBytes,
      maxBodyLength: maxBodyBytes,
      maxRedirects: options.maxRedirects ?? 0,
    });
  }

  /** Sends a request and reads the whole (bounded) body as text, parsed as JSON when it is. */
  async request(request: OutboundRequest): Promise<OutboundResponse> {
    const { response, attempts } = await this.withRetries<string>(request, 'text');
    const text = typeof response.data === 'string' ? response.data : '';
    return {
      status: response.status,
      headers: flatHeaders(response),
      text,
      json: parseJson(text),
      attempts,
    };
  }

  /**
   * Like `request`, but a non-2xx answer (after retries) throws OutboundRequestError
   * `status`, quoting the start of the peer's body (vendors explain refusals there).
   */
  async requestOk(request: OutboundRequest): Promise<OutboundResponse> {
    const response = await this.request(request);
    if (response.status >= 200 && response.status < 300) return response;
    const quoted = response.text.replace(/\s+/g, ' ').trim().slice(0, MAX_QUOTED_BODY);
    throw new OutboundRequestError(
      this.target(request),
      'status',
      `HTTP ${response.status}${quoted ? `: ${quoted}` : ''}`,
      response.status,
    );
  }

  /** Sends a request and hands over the body as a stream (still capped at maxBodyBytes). */
  async stream(request: OutboundRequest): Promise<OutboundStreamResponse> {
    const { response, attempts } = await this.withRetries<Readable>(request, 'stream');
    return {
      status: response.status,
      headers: flatHeaders(response),
      stream: response.data,
      attempts,
    };
  }

  private async withRetries<T>(
    request: OutboundRequest,
    responseType: ResponseType,
  ): Promise<{ response: AxiosResponse<T>; attempts: number }> {
    const method = request.method ?? 'GET';
    const retryable = request.retrySafe === true || IDEMPOTENT.has(method);
    for (let retryIndex = 0; ; retryIndex++) {
      const canRetry = retryable && retryIndex < this.retry.maxRetries;
      let delay: number | undefined;
      try {
        const response = await this.send<T>(request, method, responseType);
        delay = canRetry ? this.statusDelay(response, retryIndex) : undefined;
        if (delay === undefined) return { response, attempts: retryIndex + 1 };
        if (responseType === 'stream') (response.data as Readable).destroy();
      } catch (error) {
        if (!canRetry || !isTransient(error) || request.signal?.aborted) throw error;
        delay = backoffDelayMs(retryIndex, this.retry, this.random);
      }
      await this.clock.sleep(delay, request.signal);
    }
  }

  /** Delay before retrying this answer, or undefined when it is final. */
  private statusDelay(response: AxiosResponse<unknown>, retryIndex: number): number | undefined {
    const { status } = response;
    if (status !== 429 && status < 500) return undefined;
    const retryAfter = parseRetryAfter(response.headers['retry-after'], this.clock.now());
    if (retryAfter === undefined) return backoffDelayMs(retryIndex, this.retry, this.random);
    return retryAfter <= this.retry.maxRetryAfterMs ? retryAfter : undefined;
  }

  private async send<T>(
    request: OutboundRequest,
    method: OutboundMethod,
    responseType: ResponseType,
  ): Promise<AxiosResponse<T>> {
    const timeoutMs = request.timeoutMs ?? this.timeoutMs;
    // axios' own timeout only watches socket inactivity; this deadline bounds the whole exchange.
    const deadline = AbortSignal.timeout(timeoutMs);
    const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
    try {
      return await this.http.request<T>({
        method,
        url: request.url,
        headers: request.headers,
        params: request.query,
        data: request.body,
        responseType,
        signal,
      });
    } catch (error) {
      if (request.signal?.aborted) throw toError(request.signal.reason);
      throw this.transportError(request, error, timeoutMs);
    }
  }

  private target(request: OutboundRequest): string {
    const where = request.label ?? describeUrl(request.url, this.options.baseUrl);
    return `${this.options.name} ${where}`;
  }

  private transportError(request: OutboundRequest, error: unknown, timeoutMs: number): Error {
    const cause: unknown = axios.isAxiosError(error) ? (error.cause ?? error) : error;
    if (cause instanceof OutboundBlockedError) return cause;
    const target = this.target(request);
    const code = axios.isAxiosError(error) ? error.code : undefined;
    if (axios.isCancel(error) || (code !== undefined && TIMEOUT_CODES.has(code))) {
      return new OutboundRequestError(target, 'timeout', `no answer within ${timeoutMs} ms`);
    }
    if (axios.isAxiosError(error) && /maxContentLength|maxBodyLength/.test(error.message)) {
      return new OutboundRequestError(target, 'too_large', 'body larger than the allowed size');
    }
    // Only the code goes into the message: axios errors carry the request headers (tokens).
    return new OutboundRequestError(target, 'network', `network error (${code ?? 'unknown'})`);
  }
}

function isTransient(error: unknown): boolean {
  return (
    error instanceof OutboundRequestError &&
    (error.failure === 'network' || error.failure === 'timeout')
  );
}

/** Origin and path only: userinfo and query strings may hold credentials. */
export function describeUrl(url: string, baseUrl?: string): string {
  try {
    const parsed = new URL(url, baseUrl);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

function flatHeaders(response: AxiosResponse<unknown>): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  const entries = Object.entries(response.headers as Record<string, string | string[] | number>);
  for (const [name, value] of entries) {
    if (value === undefined || value === null) continue;
    headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return headers;
}

function parseJson(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
