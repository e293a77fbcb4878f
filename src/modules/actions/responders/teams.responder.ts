import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { assertHostAllowed, guardedLookup } from '../../../common/http/outbound';
import { ActionType } from '../../../generated/prisma/enums';
import type { IntegrationConfig } from '../../integrations';
import { describeRequest } from './notification-content';
import {
  ResponderMode,
  type Responder,
  type ResponderRequest,
  type ResponderResult,
} from './responder';
import { defineResponder } from './responder-definition';
import { httpEffect, sendHttp, statusError, type HttpCall } from './responder-http';
import { checkHttpUrl, readSettings, requireSettings } from './responder-settings';
import { teamsMessage } from './teams-card';

export interface TeamsSettings {
  /** Secret: the Workflows "When a Teams webhook request is received" URL (it embeds a signature). */
  webhookUrl: string;
  timeoutMs: number;
}

export const TEAMS_DEFAULTS: TeamsSettings = { webhookUrl: '', timeoutMs: 10_000 };

const LABEL = 'Teams webhook';

export function teamsSettings(
  config: Pick<IntegrationConfig, 'settings' | 'secrets'>,
): TeamsSettings {
  const settings = readSettings(TEAMS_DEFAULTS, config);
  requireSettings(settings, ['webhookUrl']);
  checkHttpUrl('webhookUrl', settings.webhookUrl);
  return settings;
}

/**
 * NOTIFY_TEAMS: an Adaptive Card posted to a Teams Workflows webhook. The webhook decides
 * the channel, so the action's target is only recorded. Workflows offer no way to read back
 * what was posted: a retry after a crash may post the card twice (it shows the action id).
 */
export class TeamsResponder implements Responder {
  readonly name = 'teams';
  readonly actionTypes = [ActionType.NOTIFY_TEAMS];

  constructor(private readonly settings: TeamsSettings) {}

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const call: HttpCall = {
      method: 'POST',
      url: this.settings.webhookUrl,
      headers: {},
      body: teamsMessage(describeRequest(request)),
      label: LABEL,
    };
    // The URL's query carries the webhook's signature: it is the secret.
    const effect = httpEffect(call, { url: true });
    if (request.mode !== ResponderMode.Live) return { output: {}, effects: [effect] };
    const answer = await sendHttp(this.name, call, {
      timeoutMs: this.settings.timeoutMs,
      signal: request.signal,
    });
    if (answer.status < 200 || answer.status >= 300) {
      throw statusError(this.name, LABEL, answer.status);
    }
    return { output: { status: answer.status }, effects: [effect] };
  }

  /**
   * Posting anything would put a message in the channel, so the test only proves the webhook's
   * host is allowed and reachable: a TCP connection (and a TLS handshake for https), no request.
   */
  async testConnection(): Promise<{ ok: boolean; detail: string }> {
    const url = new URL(this.settings.webhookUrl);
    await reach(url, this.settings.timeoutMs);
    const how = url.protocol === 'https:' ? 'TLS handshake' : 'TCP connection';
    return {
      ok: true,
      detail: `${how} to ${url.host} succeeded; no message posted (Workflows webhooks have no read-only call)`,
    };
  }
}

/** Connects where the webhook lives, through the SSRF guard, and hangs up. */
async function reach(url: URL, timeoutMs: number): Promise<void> {
  const secure = url.protocol === 'https:';
  const port = Number(url.port) || (secure ? 443 : 80);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  await assertHostAllowed(host, port);
  const options = { host, port, timeout: timeoutMs, lookup: guardedLookup };
  return new Promise((resolve, reject) => {
    const socket: Socket = secure
      ? tlsConnect({ ...options, servername: host }, done)
      : netConnect(options, done);
    function done(error?: Error): void {
      socket.destroy();
      if (error) reject(error);
      else resolve();
    }
    socket.once('error', (error: Error & { code?: string }) =>
      done(new Error(`cannot reach ${url.host}: ${error.code ?? error.message}`)),
    );
    socket.once('timeout', () =>
      done(new Error(`no answer from ${url.host} within ${timeoutMs} ms`)),
    );
  });
}

export const TEAMS_RESPONDER = defineResponder<TeamsSettings>({
  name: 'teams',
  actionTypes: [ActionType.NOTIFY_TEAMS],
  defaults: TEAMS_DEFAULTS,
  secretKeys: ['webhookUrl'],
  settings: teamsSettings,
  build: (settings) => new TeamsResponder(settings),
});
