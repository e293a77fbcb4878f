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
import { checkHttpUrl, readSettings, requireSettings, targetOrDefault } from './responder-settings';
import { notificationBlocks, SlackEventType } from './slack-blocks';
import { SLACK_DEFAULTS, SlackMessenger, type SlackSettings } from './slack-messenger';

/** Reads and checks the slack integration's settings; throws IntegrationSettingsError. */
export function slackSettings(
  config: Pick<IntegrationConfig, 'settings' | 'secrets'>,
): SlackSettings {
  const settings = readSettings(SLACK_DEFAULTS, config);
  requireSettings(settings, ['botToken', 'signingSecret', 'defaultChannel', 'apiUrl']);
  checkHttpUrl('apiUrl', settings.apiUrl);
  return settings;
}

/** NOTIFY_SLACK: chat.postMessage with Block Kit to the target channel (or defaultChannel). */
export class SlackResponder implements Responder {
  readonly name = 'slack';
  readonly actionTypes = [ActionType.NOTIFY_SLACK];
  private readonly messenger: SlackMessenger;

  constructor(private readonly settings: SlackSettings) {
    this.messenger = new SlackMessenger(settings);
  }

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const channel = targetOrDefault(
      this.name,
      request.target,
      this.settings.defaultChannel,
      'channel',
    );
    const note = describeRequest(request);
    const message = { channel, text: note.title, blocks: notificationBlocks(note) };
    const type = SlackEventType.Notification;
    const effect = this.messenger.plannedPost(message, type, request.actionId);
    if (request.mode !== ResponderMode.Live) return { output: { channel }, effects: [effect] };
    // Only a retry pays for the history check (Slack rate-limits conversations.history hard).
    const retry = (request.attempt ?? 2) > 1;
    const posted = await this.messenger.post(message, type, request.actionId, retry);
    return {
      output: { channel: posted.channel, ts: posted.ts },
      effects: posted.alreadyPosted ? [] : [effect],
      alreadyDone: posted.alreadyPosted,
    };
  }

  async testConnection(): Promise<{ ok: boolean; detail: string }> {
    return { ok: true, detail: await this.messenger.authTest() };
  }
}

export const SLACK_RESPONDER = defineResponder<SlackSettings>({
  name: 'slack',
  actionTypes: [ActionType.NOTIFY_SLACK],
  defaults: SLACK_DEFAULTS,
  secretKeys: ['botToken', 'signingSecret'],
  settings: slackSettings,
  build: (settings) => new SlackResponder(settings),
});
