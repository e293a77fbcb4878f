import type { FakeReply } from './fake-vendor.server';
import { RecordingServer, type RecordedRequest, type RouteReply } from './recording.server';

/** A message as the fake Slack stores it. */
export interface SlackStoredMessage {
  channel: string;
  ts: string;
  text?: string;
  blocks?: unknown[];
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** A Web API call: method name and its arguments (form values, JSON fields decoded). */
export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  request: RecordedRequest;
}

/** Form fields @slack/web-api sends JSON-encoded. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

/**
 * The Slack Web API (https://slack.com/api/<method>) on 127.0.0.1: Bearer token, form or JSON
 * arguments, `{ok: false, error}` with HTTP 200 for refusals, as Slack answers. Channel names
 * (#soc) resolve to IDs for posting; conversations.history takes IDs only, as Slack does.
 */
export class SlackFake extends RecordingServer {
  token = 'xoxb-test-token';
  readonly messages: SlackStoredMessage[] = [];
  private tsCounter = 1_700_000_000;
  private readonly failures = new Map<string, string>();
  private readonly drops = new Set<string>();

  /** The Web API base URL to configure as the slack integration's `apiUrl`. */
  get apiUrl(): string {
    return `${this.url}/api/`;
  }

  /** Calls of one Web API method, arguments decoded. */
  calls(method: string): SlackCall[] {
    return this.requestsTo(`/api/${method}`).map((request) => ({
      method,
      args: decodeArgs(request),
      request,
    }));
  }

  async waitForCalls(method: string, count = 1): Promise<SlackCall[]> {
    await this.waitForRequests(`/api/${method}`, count);
    return this.calls(method);
  }

  /** The next call of `method` answers `{ok: false, error}`. */
  failNext(method: string, error: string): this {
    this.failures.set(method, error);
    return this;
  }

  /** The next call of `method` takes effect, then the connection drops before the answer. */
  dropNextAnswer(method: string): this {
    this.drops.add(method);
    return this;
  }

  static channelId(channel: string): string {
    return channel.startsWith('#')
      ? `C${channel.slice(1).toUpperCase().replace(/\W/g, '')}`
      : channel;
  }

  protected route(request: RecordedRequest): RouteReply {
    const method = request.path.replace(/^\/api\//, '');
    if (request.headers.authorization !== `Bearer ${this.token}`) return fail('invalid_auth');
    const scripted = this.failures.get(method);
    if (scripted) {
      this.failures.delete(method);
      return fail(scripted);
    }
    const reply = this.answer(method, decodeArgs(request));
    if (this.drops.delete(method)) return 'drop';
    return reply;
  }

  private answer(method: string, args: Record<string, unknown>): FakeReply {
    switch (method) {
      case 'auth.test':
        return ok({
          url: 'https://soc-team.slack.com/',
          team: 'SOC Team',
          user: 'minisoar',
          team_id: 'T0001',
          user_id: 'U0BOT',
          bot_id: 'B0001',
        });
      case 'chat.postMessage':
        return this.post(args);
      case 'chat.update':
        return this.update(args);
      case 'chat.postEphemeral':
        return ok({ message_ts: this.nextTs() });
      case 'conversations.history':
        return this.history(args);
      default:
        return fail('unknown_method');
    }
  }

  private post(args: Record<string, unknown>): FakeReply {
    if (typeof args.channel !== 'string' || !args.channel) return fail('channel_not_found');
    if (!args.text && !args.blocks) return fail('no_text');
    const message: SlackStoredMessage = {
      channel: SlackFake.channelId(args.channel),
      ts: this.nextTs(),
      text: args.text as string | undefined,
      blocks: args.blocks as unknown[] | undefined,
      metadata: args.metadata as SlackStoredMessage['metadata'],
    };
    this.messages.push(message);
    return ok({ channel: message.channel, ts: message.ts, message: { text: message.text } });
  }

  private update(args: Record<string, unknown>): FakeReply {
    const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
    if (!message) return fail('message_not_found');
    message.text = args.text as string | undefined;
    message.blocks = args.blocks as unknown[] | undefined;
    return ok({ channel: message.channel, ts: message.ts, text: message.text });
  }

  private history(args: Record<string, unknown>): FakeReply {
    const channel = args.channel;
    if (typeof channel !== 'string' || !/^[CGD][A-Z0-9]+$/.test(channel))
      return fail('channel_not_found');
    const withMetadata = args.include_all_metadata === 'true' || args.include_all_metadata === true;
    const limit = Number(args.limit ?? 100);
    const messages = this.messages
      .filter((m) => m.channel === channel)
      .reverse()
      .slice(0, limit)
      .map((m) => ({
        type: 'message',
        ts: m.ts,
        text: m.text,
        ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
      }));
    return ok({ messages, has_more: false });
  }

  private nextTs(): string {
    return `${this.tsCounter++}.000100`;
  }
}

function ok(body: Record<string, unknown>): FakeReply {
  return { status: 200, body: { ok: true, ...body } };
}

function fail(error: string): FakeReply {
  return { status: 200, body: { ok: false, error } };
}

function decodeArgs(request: RecordedRequest): Record<string, unknown> {
  const body = (request.body ?? {}) as Record<string, unknown>;
  if (request.headers['content-type']?.startsWith('application/json')) return body;
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [
      key,
      JSON_FIELDS.has(key) && typeof value === 'string' ? (JSON.parse(value) as unknown) : value,
    ]),
  );
}
