import { blockActionsPayload } from '../../../../test/helpers/slack-interactions';
import { parseInteraction } from './slack-interaction';

const ACTION_ID = '0b5b8c1e-3f4a-4a8e-9d2c-6e7f8a9b0c1d';
const form = (payload: unknown) => ({ payload: JSON.stringify(payload) });

describe('parseInteraction', () => {
  it('reads a decision click: who, which action, where the message is', () => {
    const payload = blockActionsPayload({
      userId: 'U024BE7LH',
      actionId: ACTION_ID.toUpperCase(),
      decision: 'reject',
    });
    expect(parseInteraction(form(payload))).toEqual({
      decision: 'reject',
      actionId: ACTION_ID,
      slackUserId: 'U024BE7LH',
      channel: 'C0APPROVALS',
      messageTs: '1700000000.000100',
    });
  });

  it('ignores interactions that are not our buttons', () => {
    expect(parseInteraction(form({ type: 'view_submission' }))).toBeNull();
    const other = blockActionsPayload({ userId: 'U1', actionId: ACTION_ID, decision: 'approve' });
    (other.actions as Array<Record<string, unknown>>)[0].action_id = 'open_case';
    expect(parseInteraction(form(other))).toBeNull();
  });

  it('refuses bodies that are not a Slack payload', () => {
    expect(() => parseInteraction({})).toThrow('Slack payload is missing (form field "payload")');
    expect(() => parseInteraction({ payload: '{not json' })).toThrow('Slack payload is not JSON');
    expect(() => parseInteraction({ payload: '[1]' })).toThrow('Slack payload is not an object');
    const badValue = blockActionsPayload({
      userId: 'U1',
      actionId: 'DROP TABLE',
      decision: 'approve',
    });
    expect(() => parseInteraction(form(badValue))).toThrow(
      'Slack payload names no action id in the button value',
    );
    const noUser = {
      ...blockActionsPayload({ userId: 'U1', actionId: ACTION_ID, decision: 'approve' }),
      user: {},
    };
    expect(() => parseInteraction(form(noUser))).toThrow('Slack payload names no user');
  });
});
