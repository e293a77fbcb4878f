import type { IncomingHttpHeaders, Server, ServerResponse } from 'node:http';
import { closeServer, listenLocally } from './local-http';

/** What a fake can be told to answer for one indicator. */
export type FakeScenario =
  | 'ok'
  | 'auth'
  | 'not_found'
  | 'rate_limited'
  | 'server_error'
  | 'unavailable'
  | 'hang'
  | 'malformed'
  | 'wrong_shape'
  | 'redirect';

export interface FakeStep {
  scenario: FakeScenario;
  /** For rate_limited (and unavailable): the Retry-After header, seconds or an HTTP date. */
  retryAfter?: string;
  /** For redirect: the Location header. */
  location?: string;
}

export interface FakeRequest {
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export interface FakeReply {
  status: number;
  /** Objects are sent as JSON, strings as they are. */
  body: unknown;
  contentType?: string;
  headers?: Record<string, string>;
}

const STATUS: Partial<Record<FakeScenario, number>> = {
  not_found: 404,
  rate_limited: 429,
  server_error: 500,
  unavailable: 503,
};

/**
 * Base of every vendor fake: a node:http server on 127.0.0.1 (port 0) that answers per
 * indicator key from a script of scenarios and counts requests per path and per key.
 */
export abstract class FakeVendorServer {
  url = '';
  apiKey = 'test-api-key';
  protected abstract readonly authStatus: number;
  protected readonly jsonType: string = 'application/json';
  private server: Server | undefined;
  private readonly scripts = new Map<string, FakeStep[]>();
  private readonly byPath = new Map<string, number>();
  private readonly byKey = new Map<string, number>();

  /** The indicator key a request is about; undefined means an unknown route (plain 404). */
  protected abstract keyOf(request: FakeRequest): string | undefined;
  /** The vendor's normal answer about `key`, or undefined when it does not know it (404). */
  protected abstract found(key: string, request: FakeRequest): FakeReply | undefined;
  protected abstract errorBody(status: number, message: string): unknown;
  protected authorized(_request: FakeRequest): boolean {
    return true;
  }

  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await listenLocally((req, res) => {
      const url = new URL(req.url ?? '/', 'http://fake.invalid');
      this.handle({ path: url.pathname, query: url.searchParams, headers: req.headers }, res);
    }));
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** The next answers for `key`, in order; the last one repeats. */
  answer(key: string, ...steps: Array<FakeScenario | FakeStep>): this {
    this.scripts.set(
      key,
      steps.map((s) => (typeof s === 'string' ? { scenario: s } : s)),
    );
    return this;
  }

  count(path: string): number {
    return this.byPath.get(path) ?? 0;
  }

  requestsFor(key: string): number {
    return this.byKey.get(key) ?? 0;
  }

  get totalRequests(): number {
    return [...this.byPath.values()].reduce((sum, n) => sum + n, 0);
  }

  private handle(request: FakeRequest, res: ServerResponse): void {
    this.byPath.set(request.path, this.count(request.path) + 1);
    const key = this.keyOf(request);
    if (key === undefined) return this.send(res, this.error(404, 'no such route'));
    this.byKey.set(key, this.requestsFor(key) + 1);
    if (!this.authorized(request)) return this.send(res, this.error(this.authStatus, 'bad key'));
    const step = this.nextStep(key);
    switch (step.scenario) {
      case 'hang':
        return;
      case 'auth':
        return this.send(res, this.error(this.authStatus, 'bad key'));
      case 'malformed':
        return this.send(res, {
          status: 200,
          body: '<html>upstream proxy error',
          contentType: this.jsonType,
        });
      case 'wrong_shape':
        return this.send(res, { status: 200, body: { unexpected: true } });
      case 'redirect':
        return this.send(res, {
          status: 302,
          body: '',
          headers: { Location: step.location ?? '/' },
        });
      case 'ok':
        return this.send(res, this.found(key, request) ?? this.error(404, `${key} not found`));
      default: {
        const status = STATUS[step.scenario] ?? 500;
        const reply = this.error(status, step.scenario);
        if (step.retryAfter !== undefined) reply.headers = { 'Retry-After': step.retryAfter };
        return this.send(res, reply);
      }
    }
  }

  private nextStep(key: string): FakeStep {
    const script = this.scripts.get(key);
    if (!script || script.length === 0) return { scenario: 'ok' };
    return script.length > 1 ? (script.shift() as FakeStep) : script[0];
  }

  private error(status: number, message: string): FakeReply {
    return { status, body: this.errorBody(status, message) };
  }

  private send(res: ServerResponse, reply: FakeReply): void {
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const contentType =
      reply.contentType ?? (typeof reply.body === 'string' ? 'text/plain' : this.jsonType);
    res.writeHead(reply.status, { 'Content-Type': contentType, ...reply.headers });
    res.end(text);
  }
}
