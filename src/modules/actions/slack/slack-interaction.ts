import { isJsonObject, type JsonObject } from '../../../common/types/json';
import { SlackDecision } from '../responders/slack-blocks';
import { SlackPayloadError } from './slack.errors';

/** An Approve or Reject click, as Slack's block_actions payload reports it. */
export interface SlackDecisionClick {
  decision: SlackDecision;
  actionId: string;
  slackUserId: string;
  /** Where the message is, for chat.update and ephemeral replies. */
  channel?: string;
  messageTs?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DECISIONS = new Set<string>(Object.values(SlackDecision));

/**
 * Reads the form field `payload` (JSON). A decision click on our buttons comes back as a
 * SlackDecisionClick; any other interaction is not ours to act on (null). A body that is not
 * a Slack payload at all is refused.
 */
export function parseInteraction(fields: Record<string, string>): SlackDecisionClick | null {
  const raw = fields.payload;
  if (typeof raw !== 'string') throw new SlackPayloadError('is missing (form field "payload")');
  let payload: unknown;
  try {
    payload = JSON.parse(raw);
  } catch {
    throw new SlackPayloadError('is not JSON');
  }
  if (!isJsonObject(payload)) throw new SlackPayloadError('is not an object');
  if (payload.type !== 'block_actions') return null;
  const action = Array.isArray(payload.actions) ? payload.actions[0] : undefined;
  if (!isJsonObject(action) || typeof action.action_id !== 'string') return null;
  if (!DECISIONS.has(action.action_id)) return null;
  if (typeof action.value !== 'string' || !UUID.test(action.value)) {
    throw new SlackPayloadError('names no action id in the button value');
  }
  const user = field(payload, 'user', 'id');
  if (!user) throw new SlackPayloadError('names no user');
  return {
    decision: action.action_id as SlackDecision,
    actionId: action.value.toLowerCase(),
    slackUserId: user,
    channel: field(payload, 'container', 'channel_id') ?? field(payload, 'channel', 'id'),
    messageTs: field(payload, 'container', 'message_ts') ?? field(payload, 'message', 'ts'),
  };
}

function field(payload: JsonObject, object: string, key: string): string | undefined {
  const value = payload[object];
  const inner = isJsonObject(value) ? value[key] : undefined;
  return typeof inner === 'string' && inner !== '' ? inner : undefined;
}
