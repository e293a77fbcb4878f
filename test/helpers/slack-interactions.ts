import { slackSignature } from '../../src/modules/actions/slack/slack-signature';

export interface SlackClick {
  userId: string;
  actionId: string;
  decision: 'approve' | 'reject';
  channel?: string;
  messageTs?: string;
}

/** A block_actions payload as Slack sends it for a click on one of our buttons. */
export function blockActionsPayload(click: SlackClick): Record<string, unknown> {
  const channel = click.channel ?? 'C0APPROVALS';
  const ts = click.messageTs ?? '1700000000.000100';
  return {
    type: 'block_actions',
    user: { id: click.userId, username: 'someone', name: 'someone', team_id: 'T0001' },
    api_app_id: 'A0001',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
    trigger_id: '123.456.abc',
    team: { id: 'T0001', domain: 'soc-team' },
    channel: { id: channel, name: 'approvals' },
    message: { type: 'message', ts, text: 'Approval needed' },
    response_url: 'https://hooks.slack.com/actions/T0001/1/abc',
    actions: [
      {
        type: 'button',
        action_id: click.decision,
        block_id: 'minisoar_decision',
        value: click.actionId,
        text: { type: 'plain_text', text: click.decision === 'approve' ? 'Approve' : 'Reject' },
        action_ts: '1700000001.000200',
      },
    ],
  };
}

/** The form body and the v0 signature headers Slack would send for `payload`. */
export function signedInteraction(
  signingSecret: string,
  payload: unknown,
  timestampSeconds = Math.floor(Date.now() / 1000),
): { body: string; headers: Record<string, string> } {
  const body = `payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const timestamp = String(timestampSeconds);
  return {
    body,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Slack-Request-Timestamp': timestamp,
      'X-Slack-Signature': slackSignature(signingSecret, timestamp, Buffer.from(body)),
    },
  };
}
