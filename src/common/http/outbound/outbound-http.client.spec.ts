import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ManualClock } from '../../../../test/fakes/manual-clock.fake';
import { OutboundBlockedError, OutboundRequestError } from './outbound.errors';
import { OutboundHttpClient, type OutboundClientOptions } from './outbound-http.client';
import { configureOutboundPolicy } from './outbound-policy';

type Reply = (request: IncomingMessage, response: ServerResponse) => void;

/** A local peer answering each request with the next scripted reply (the last one repeats). */
class ScriptedPeer {
  readonly seen: {
    method: string;
    url: string;
    headers: IncomingMessage['headers'];
    body: string;
  }[] = [];
  private script: Reply[] = [];
  private server!: Server;
  url = '';

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        this.seen.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body,
        });
        const reply = this.script.length > 1 ? this.script.shift() : this.script[0];
        reply?.(request, response);
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  reply(...script: Reply[]): void {
    this.script = script;
    this.seen.length = 0;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const status =
  (code: number, body = '', headers: Record<string, string> = {}): Reply =>
  (_request, response) => {
    response.writeHead(code, headers);
    response.end(body);
  };
const hang: Reply = () => undefined;

describe(OutboundHttpClient.name, () => {
  const peer = new ScriptedPeer();
  let clock: ManualClock;

  const client = (options: Partial<OutboundClientOptions> = {}) =>
    new OutboundHttpClient({
      name: 'peer',
      baseUrl: peer.url,
      headers: { Authorization: 'Bearer s3cret-token' },
      clock,
      random: () => 1,
      ...options,
    });

  beforeAll(() => peer.start());
  afterAll(() => peer.stop());
  beforeEach(() => {
    clock = new ManualClock();
    configureOutboundPolicy(['127.0.0.0/8']);
  });

  it('sends JSON with the client headers and parses a JSON answer', async () => {
    peer.reply(status(201, '{"id":7}', { 'content-type': 'application/json' }));
    const response = await client().request({ method: 'POST', url: '/items', body: { a: 1 } });
    expect(response).toMatchObject({ status: 201, json: { id: 7 }, attempts: 1 });
    expect(peer.seen[0]).toMatchObject({ method: 'POST', url: '/items', body: '{"a":1}' });
    expect(peer.seen[0].headers.authorization).toBe('Bearer s3cret-token');
  });

  it('retries a GET on 5xx with exponential backoff, then returns the answer', async () => {
    peer.reply(status(503), status(502), status(200, 'ok'));
    const response = await client().request({ url: '/x' });
    expect(response).toMatchObject({ status: 200, text: 'ok', attempts: 3 });
    expect(clock.sleeps).toEqual([300, 600]);
  });

  it('returns the last 5xx when the retries are spent', async () => {
    peer.reply(status(500));
    const response = await client({ retry: { maxRetries: 2 } }).request({ url: '/x' });
    expect(response).toMatchObject({ status: 500, attempts: 3 });
  });

  it('honours a bounded Retry-After on 429 and gives up on a longer one', async () => {
    peer.reply(status(429, '', { 'retry-after': '7' }), status(200));
    await expect(client().request({ url: '/x' })).resolves.toMatchObject({ status: 200 });
    expect(clock.sleeps).toEqual([7000]);

    peer.reply(status(429, '', { 'retry-after': '3600' }));
    await expect(client().request({ url: '/x' })).resolves.toMatchObject({
      status: 429,
      attempts: 1,
    });
  });

  it('never retries a POST unless the caller marks it retry-safe', async () => {
    peer.reply(status(503), status(200));
    await expect(client().request({ method: 'POST', url: '/x' })).resolves.toMatchObject({
      status: 503,
      attempts: 1,
    });
    peer.reply(status(503), status(200));
    await expect(
      client().request({ method: 'POST', url: '/x', retrySafe: true }),
    ).resolves.toMatchObject({ status: 200, attempts: 2 });
  });

  it('times out a hanging peer per attempt and retries network failures', async () => {
    peer.reply(hang);
    const error = await client({ timeoutMs: 200, retry: { maxRetries: 1 } })
      .request({ url: '/slow' })
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(OutboundRequestError);
    expect(error).toMatchObject({ failure: 'timeout', code: 'OUTBOUND_TIMEOUT' });
    expect(peer.seen).toHaveLength(2);
    expect((error as Error).message).not.toContain('s3cret');
  });

  it('does not follow redirects by default', async () => {
    peer.reply(status(302, '', { location: 'http://example.invalid/' }));
    await expect(client().request({ url: '/moved' })).resolves.toMatchObject({ status: 302 });
  });

  it('caps the response body', async () => {
    peer.reply(status(200, 'x'.repeat(2048)));
    const error = await client({ maxBodyBytes: 1024 })
      .request({ url: '/big' })
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ failure: 'too_large' });
  });

  it('requestOk throws on a non-2xx with the status and the start of the body, not the token', async () => {
    peer.reply(status(400, '{"errors":{"project":"project is required"}}'));
    const error = await client()
      .requestOk({ method: 'POST', url: '/issue?apiKey=s3cret-query' })
      .catch((failure: unknown) => failure);
    expect(error).toMatchObject({ failure: 'status', status: 400 });
    expect((error as Error).message).toBe(
      `peer ${peer.url}/issue: HTTP 400: {"errors":{"project":"project is required"}}`,
    );
  });

  it('refuses a loopback peer outside OUTBOUND_ALLOW_CIDRS without retrying', async () => {
    configureOutboundPolicy([]);
    peer.reply(status(200));
    const error = await client()
      .request({ url: '/x' })
      .catch((failure: unknown) => failure);
    expect(error).toBeInstanceOf(OutboundBlockedError);
    expect(peer.seen).toHaveLength(0);
    expect(clock.sleeps).toEqual([]);
  });
});
