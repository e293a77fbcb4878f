import type { Readable } from 'node:stream';
import axios, { type AxiosInstance, type AxiosResponse, type ResponseType } from 'axios';
import { parseRetryAfter } from '../resilience/retry-after';
import { ProviderError } from './provider.errors';
import type { ProviderName } from './provider.types';

export interface HttpClientOptions {
  /** Origin (and optional prefix) relative paths are resolved against; absolute URLs pass through. */
  baseUrl?: string;
  timeoutMs: number;
  /** Vendor auth and content headers; sent, never logged nor copied into errors. */
  headers?: Record<string, string>;
  maxBodyBytes?: number;
  maxRedirects?: number;
  now?: () => number;
}

export interface JsonResponse {
  status: number;
  /** Parsed JSON; for a 404 whatever could be parsed (undefined when not JSON). */
  body: unknown;
}

const DEFAULT_MAX_BODY_BYTES = 5 * 1024 * 1024;
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT']);
const BAD_RESPONSE_CODES = new Set(['ERR_BAD_RESPONSE', 'ERR_FR_TOO_MANY_REDIRECTS']);

/** The one HTTP client every provider uses: axios + vendor-neutral error mapping. */
export class ProviderHttpClient {
  private readonly http: AxiosInstance;
  private readonly now: () => number;

  constructor(
    private readonly provider: ProviderName,
    private readonly options: HttpClientOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.http = axios.create({
      baseURL: options.baseUrl,
      timeout: options.timeoutMs,
      headers: { Accept: 'application/json', 'User-Agent': 'mini-soar', ...options.headers },
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxContentLength: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      maxRedirects: options.maxRedirects ?? 3,
    });
  }

  /** GETs and parses JSON. A 404 resolves (the caller decides what "not found" means). */
  async getJson(url: string, signal?: AbortSignal): Promise<JsonResponse> {
    const response = await this.send<string>(url, 'text', signal);
    if (response.status === 404) return { status: 404, body: tryParseJson(response.data) };
    this.assertSuccess(response);
    const body = tryParseJson(response.data);
    if (body === undefined) {
      throw new ProviderError(this.provider, 'bad_response', 'response body is not JSON', {
        status: response.status,
      });
    }
    return { status: response.status, body };
  }

  /** GETs a body as a stream (feeds); the caller bounds how much it reads. */
  async getStream(url: string, signal?: AbortSignal): Promise<Readable> {
    const response = await this.send<Readable>(url, 'stream', signal);
    if (response.status < 200 || response.status >= 300) response.data.destroy();
    this.assertSuccess(response);
    return response.data;
  }

  private async send<T>(
    url: string,
    responseType: ResponseType,
    signal?: AbortSignal,
  ): Promise<AxiosResponse<T>> {
    // axios' own timeout only watches socket inactivity; this deadline bounds the whole exchange.
    const deadline = AbortSignal.timeout(this.options.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      return await this.http.get<T>(url, { responseType, signal: combined });
    } catch (error) {
      throw this.mapTransportError(error, signal);
    }
  }

  private assertSuccess(response: AxiosResponse<unknown>): void {
    const { status } = response;
    if (status >= 200 && status < 300) return;
    const retryAfterMs = parseRetryAfter(response.headers['retry-after'], this.now());
    const options = { status, retryAfterMs };
    const where = `HTTP ${status}`;
    if (status === 401 || status === 403) {
      throw new ProviderError(this.provider, 'auth', `${where}: credentials rejected`, options);
    }
    if (status === 429) throw new ProviderError(this.provider, 'rate_limited', where, options);
    if (status === 408) throw new ProviderError(this.provider, 'timeout', where, options);
    if (status >= 500) throw new ProviderError(this.provider, 'unavailable', where, options);
    throw new ProviderError(this.provider, 'bad_response', `${where}: request refused`, options);
  }

  private mapTransportError(error: unknown, signal?: AbortSignal): unknown {
    if (signal?.aborted) return signal.reason;
    if (error instanceof ProviderError) return error;
    const code = axios.isAxiosError(error) ? error.code : undefined;
    if (axios.isCancel(error) || (code !== undefined && TIMEOUT_CODES.has(code))) {
      return new ProviderError(
        this.provider,
        'timeout',
        `no answer within ${this.options.timeoutMs} ms`,
      );
    }
    if (code !== undefined && BAD_RESPONSE_CODES.has(code)) {
      return new ProviderError(this.provider, 'bad_response', `unusable response (${code})`);
    }
    // Only the code goes into the message: axios errors carry the request headers (the key).
    return new ProviderError(this.provider, 'unavailable', `network error (${code ?? 'unknown'})`);
  }
}

function tryParseJson(text: unknown): unknown {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
