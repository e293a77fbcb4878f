import type { Readable } from 'node:stream';
import {
  OutboundBlockedError,
  OutboundHttpClient,
  OutboundRequestError,
  parseRetryAfter,
} from '../../../common/http/outbound';
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

/**
 * The one HTTP client every provider uses: the SSRF-guarded OutboundHttpClient (without its
 * retries: ResilientProvider retries, counting rate-limit tokens and the breaker) plus
 * vendor-neutral error mapping.
 */
export class ProviderHttpClient {
  private readonly http: OutboundHttpClient;
  private readonly now: () => number;

  constructor(
    private readonly provider: ProviderName,
    options: HttpClientOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.http = new OutboundHttpClient({
      name: provider,
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs,
      headers: { Accept: 'application/json', ...options.headers },
      maxBodyBytes: options.maxBodyBytes,
      maxRedirects: options.maxRedirects ?? 3,
      retry: { maxRetries: 0 },
    });
  }

  /** GETs and parses JSON. A 404 resolves (the caller decides what "not found" means). */
  async getJson(url: string, signal?: AbortSignal): Promise<JsonResponse> {
    const response = await this.mapErrors(() => this.http.request({ url, signal }), signal);
    if (response.status === 404) return { status: 404, body: response.json };
    this.assertSuccess(response.status, response.headers);
    if (response.json === undefined) {
      throw new ProviderError(this.provider, 'bad_response', 'response body is not JSON', {
        status: response.status,
      });
    }
    return { status: response.status, body: response.json };
  }

  /** GETs a body as a stream (feeds); the caller bounds how much it reads. */
  async getStream(url: string, signal?: AbortSignal): Promise<Readable> {
    const response = await this.mapErrors(() => this.http.stream({ url, signal }), signal);
    if (response.status < 200 || response.status >= 300) response.stream.destroy();
    this.assertSuccess(response.status, response.headers);
    return response.stream;
  }

  private assertSuccess(status: number, headers: Record<string, string | undefined>): void {
    if (status >= 200 && status < 300) return;
    const retryAfterMs = parseRetryAfter(headers['retry-after'], this.now());
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

  private async mapErrors<T>(send: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    try {
      return await send();
    } catch (error) {
      if (signal?.aborted) throw error;
      throw this.providerError(error);
    }
  }

  private providerError(error: unknown): unknown {
    if (error instanceof OutboundBlockedError) {
      return new ProviderError(this.provider, 'blocked', error.message);
    }
    if (!(error instanceof OutboundRequestError)) return error;
    const { detail } = error;
    if (error.failure === 'timeout') return new ProviderError(this.provider, 'timeout', detail);
    if (error.failure === 'too_large') {
      return new ProviderError(this.provider, 'bad_response', `unusable response (${detail})`);
    }
    return new ProviderError(this.provider, 'unavailable', detail);
  }
}
