import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import { waitFor } from '../helpers/process-control';
import type { FakeReply } from './fake-vendor.server';
import { closeServer, listenLocally } from './local-http';

/** One request as the fake received it, body included. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** JSON bodies parsed; form bodies as an object of strings; otherwise undefined. */
  body: unknown;
}

/**
 * What a route answers: a reply; `drop` (the effect happened, but the connection is cut
 * before any answer: a response lost in a crash); or `hang` (never answers).
 */
export type RouteReply = FakeReply | 'drop' | 'hang';

/**
 * Base of fakes that receive writes (Slack, Teams, Jira): a node:http server on 127.0.0.1
 * that records every request with its body, so tests check exactly what was sent.
 */
export abstract class RecordingServer {
  url = '';
  readonly requests: RecordedRequest[] = [];
  private server: Server | undefined;

  protected abstract route(request: RecordedRequest): RouteReply;

  async start(): Promise<this> {
    ({ server: this.server, url: this.url } = await listenLocally(
      (req, res) => void this.receive(req, res),
    ));
    return this;
  }

  stop(): Promise<void> {
    return closeServer(this.server);
  }

  /** Requests to `path` (without query), in arrival order. */
  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  /** Resolves once `count` requests reached `path` (for effects the app makes asynchronously). */
  waitForRequests(path: string, count = 1): Promise<RecordedRequest[]> {
    const arrived = () => this.requestsTo(path);
    return waitFor(
      `${count} requests to ${path}`,
      () => Promise.resolve(arrived().length >= count ? arrived() : undefined),
      20_000,
      20,
    );
  }

  private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const rawBody = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://fake.invalid');
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      rawBody,
      body: parseBody(req.headers['content-type'], rawBody),
    };
    this.requests.push(request);
    const reply = this.route(request);
    if (reply === 'hang') return;
    if (reply === 'drop') {
      res.socket?.destroy();
      return;
    }
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const contentType =
      reply.contentType ?? (typeof reply.body === 'string' ? 'text/plain' : 'application/json');
    res.writeHead(reply.status, { 'Content-Type': contentType, ...reply.headers });
    res.end(text);
  }
}

function parseBody(contentType: string | undefined, rawBody: string): unknown {
  if (rawBody === '') return undefined;
  if (contentType?.startsWith('application/json')) return JSON.parse(rawBody) as unknown;
  if (contentType?.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(rawBody));
  }
  return undefined;
}
