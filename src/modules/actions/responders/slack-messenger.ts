import { Logger as NestLogger } from '@nestjs/common';
import type { KnownBlock } from '@slack/types';
import {
  LogLevel,
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  WebClient,
  type FetchFunction,
  type Logger,
} from '@slack/web-api';
import {
  OutboundBlockedError,
  OutboundHttpClient,
  OutboundRequestError,
  type OutboundMethod,
} from '../../../common/http/outbound';
import { REDACTED } from './responder-http';
import type { PlannedEffect } from './responder';
import { ResponderError } from './responder.errors';
import { messageMetadata, type SlackEventType } from './slack-blocks';

export interface SlackSettings {
  /** Secret: the bot token (xoxb-...), sent as `Authorization: Bearer`. */
  botToken: string;
  /** Secret: verifies requests to POST /integrations/slack/interactions. */
  signingSecret: string;
  /** Channel of NOTIFY_SLACK when the action names none (an ID such as C0123ABCD, or #name). */
  defaultChannel: string;
  /** When set, every high-impact action posts Approve/Reject buttons here. */
  approvalChannel: string;
  /** Web API base URL; tests point it at a local fake. */
  apiUrl: string;
  timeoutMs: number;
}

export const SLACK_DEFAULTS: SlackSettings = {
  botToken: '',
  signingSecret: '',
  defaultChannel: '',
  approvalChannel: '',
  apiUrl: 'https://slack.com/api/',
  timeoutMs: 10_000,
};

/** A Web API message body (chat.postMessage / chat.update). */
export interface SlackMessage {
  channel: string;
  text: string;
  blocks: KnownBlock[];
}

export interface PostedMessage {
  channel: string;
  ts: string;
  /** True when a retry found the message an earlier attempt had already posted. */
  alreadyPosted: boolean;
}

/** Messages a retry looks back through for its own earlier post. */
const HISTORY_WINDOW = 100;
/** Retries inside one call, for calls that are safe to repeat (reads, chat.update). */
const SAFE_RETRIES = { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2_000 };
const TRANSIENT_CODES = new Set([
  'ratelimited',
  'internal_error',
  'fatal_error',
  'service_unavailable',
  'request_timeout',
]);

/**
 * The Slack Web API as Mini-SOAR uses it (@slack/web-api). Posts carry the action id in
 * message metadata; a retried post first looks for it in the channel's recent history, so a
 * crash between Slack's answer and our commit does not post twice. Errors become
 * ResponderErrors naming the method and Slack's error code, never the token.
 */
export class SlackMessenger {
  private readonly logger = new NestLogger('Slack');
  private readonly once: WebClient;
  private readonly retrying: WebClient;
  readonly apiUrl: string;

  constructor(private readonly settings: SlackSettings) {
    this.apiUrl = settings.apiUrl.endsWith('/') ? settings.apiUrl : `${settings.apiUrl}/`;
    this.once = this.client({ retries: 0 });
    this.retrying = this.client(SAFE_RETRIES);
  }

  /** The request chat.postMessage sends, token redacted. */
  plannedPost(message: SlackMessage, type: SlackEventType, actionId: string): PlannedEffect {
    return {
      kind: 'http',
      method: 'POST',
      url: `${this.apiUrl}chat.postMessage`,
      headers: { Authorization: `Bearer ${REDACTED}` },
      body: { ...message, metadata: messageMetadata(type, actionId), unfurl_links: false },
    };
  }

  /** chat.postMessage; with `checkFirst` (a retry) it first looks for an earlier post. */
  async post(
    message: SlackMessage,
    type: SlackEventType,
    actionId: string,
    checkFirst: boolean,
  ): Promise<PostedMessage> {
    if (checkFirst) {
      const earlier = await this.findPosted(message.channel, type, actionId);
      if (earlier) return { ...earlier, alreadyPosted: true };
    }
    const result = await this.call('chat.postMessage', () =>
      this.once.chat.postMessage({
        ...message,
        metadata: messageMetadata(type, actionId),
        unfurl_links: false,
      }),
    );
    return {
      channel: result.channel ?? message.channel,
      ts: result.ts ?? '',
      alreadyPosted: false,
    };
  }

  async update(message: SlackMessage & { ts: string }): Promise<void> {
    await this.call('chat.update', () => this.retrying.chat.update(message));
  }

  /** A message only `user` sees (refusals of a button click). */
  async ephemeral(channel: string, user: string, text: string): Promise<void> {
    await this.call('chat.postEphemeral', () =>
      this.once.chat.postEphemeral({ channel, user, text }),
    );
  }

  /** auth.test: proves the token and names the workspace and bot user. */
  async authTest(): Promise<string> {
    const result = await this.call('auth.test', () => this.retrying.auth.test());
    return `authenticated to ${result.team ?? 'workspace'} as ${result.user ?? 'bot'}`;
  }

  /**
   * The earlier post of this action in `channel`, if Slack still shows it. Needs the
   * channels:history scope and a channel ID; without them the check is skipped (logged) and
   * the caller posts: a duplicate beats a lost notification.
   */
  private async findPosted(
    channel: string,
    type: SlackEventType,
    actionId: string,
  ): Promise<Omit<PostedMessage, 'alreadyPosted'> | undefined> {
    try {
      const history = await this.call('conversations.history', () =>
        this.retrying.conversations.history({
          channel,
          limit: HISTORY_WINDOW,
          include_all_metadata: true,
        }),
      );
      const found = history.messages?.find((m) => {
        const payload = m.metadata?.event_payload as Record<string, unknown> | undefined;
        return m.metadata?.event_type === type && payload?.action_id === actionId;
      });
      return found?.ts ? { channel, ts: found.ts } : undefined;
    } catch (error) {
      this.logger.warn(`Cannot check ${channel} for an earlier post: ${(error as Error).message}`);
      return undefined;
    }
  }

  private client(retryConfig: { retries: number }): WebClient {
    return new WebClient(this.settings.botToken, {
      slackApiUrl: this.apiUrl,
      timeout: this.settings.timeoutMs,
      retryConfig,
      rejectRateLimitedCalls: true,
      allowAbsoluteUrls: false,
      logger: silentLogger(),
      fetch: guardedFetch(this.settings.timeoutMs),
    });
  }

  private async call<T>(method: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw slackFailure(method, error);
    }
  }
}

/** Maps @slack/web-api errors to a ResponderError with Slack's own error code. */
export function slackFailure(method: string, error: unknown): ResponderError {
  if (error instanceof ResponderError) return error;
  if (error instanceof WebAPIPlatformError) {
    const code = error.data.error;
    return new ResponderError('slack', `${method} refused: ${code}`, TRANSIENT_CODES.has(code));
  }
  if (error instanceof WebAPIRateLimitedError) {
    return new ResponderError(
      'slack',
      `${method} rate limited; retry after ${error.retryAfter} s`,
      true,
    );
  }
  if (error instanceof WebAPIHTTPError) {
    const transient = error.statusCode >= 500 || error.statusCode === 408;
    return new ResponderError('slack', `${method}: HTTP ${error.statusCode}`, transient);
  }
  if (error instanceof WebAPIRequestError) {
    const original = error.original as Error & { cause?: { code?: string } };
    if (original instanceof OutboundBlockedError) {
      return new ResponderError('slack', `${method}: ${original.message}`, false);
    }
    if (original instanceof OutboundRequestError) {
      return new ResponderError(
        'slack',
        `${method}: cannot reach Slack (${original.failure})`,
        true,
      );
    }
    const why =
      original.name === 'TimeoutError' || original.name === 'AbortError'
        ? 'no answer in time'
        : (original.cause?.code ?? original.message);
    return new ResponderError('slack', `${method}: cannot reach Slack (${why})`, true);
  }
  return new ResponderError('slack', `${method} failed: ${(error as Error).message}`, true);
}

/**
 * @slack/web-api's transport, routed through the SSRF-guarded OutboundHttpClient (the Web API
 * client takes a fetch, not an agent). WebClient's own retry policy decides about retries.
 */
function guardedFetch(timeoutMs: number): FetchFunction {
  const client = new OutboundHttpClient({ name: 'slack', timeoutMs, retry: { maxRetries: 0 } });
  return async (url, init) => {
    const answer = await client.request({
      method: (init?.method ?? 'GET') as OutboundMethod,
      url: String(url),
      headers: init?.headers,
      body: init?.body,
      signal: init?.signal,
    });
    const headers = Object.entries(answer.headers).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    );
    const empty = answer.status === 204 || answer.status === 304;
    return new Response(empty ? null : answer.text, { status: answer.status, headers });
  };
}

/** Silences @slack/web-api's own logging: every failure reaches us as an error to report. */
function silentLogger(): Logger {
  let level = LogLevel.ERROR;
  const nothing = () => undefined;
  return {
    debug: nothing,
    info: nothing,
    warn: nothing,
    error: nothing,
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: nothing,
  };
}
