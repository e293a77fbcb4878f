import type { ActionsBlock, Button } from '@slack/types';
import {
  approvalBlocks,
  approvalText,
  escapeMrkdwn,
  SlackDecision,
  type ApprovalView,
} from './slack-blocks';

const view: ApprovalView = {
  actionId: '0b5b8c1e-3f4a-4a8e-9d2c-6e7f8a9b0c1d',
  actionType: 'BLOCK_IP',
  target: '203.0.113.7',
  facts: [
    { label: 'Case', value: '#42 <script>' },
    { label: 'Requested by', value: 'analyst@example.com' },
  ],
  link: 'https://soar.example.com/cases/1',
};

function buttons(blocks: ReturnType<typeof approvalBlocks>): Button[] {
  const actions = blocks.find((b): b is ActionsBlock => b.type === 'actions');
  return (actions?.elements ?? []) as Button[];
}

describe('approvalBlocks', () => {
  it('offers Approve and Reject, each carrying the action id and a confirm dialog', () => {
    const [approve, reject] = buttons(approvalBlocks(view));
    expect(approve).toMatchObject({ action_id: 'approve', value: view.actionId, style: 'primary' });
    expect(reject).toMatchObject({ action_id: 'reject', value: view.actionId, style: 'danger' });
    expect(approve.confirm).toEqual({
      title: { type: 'plain_text', text: 'Approve this action?' },
      text: {
        type: 'mrkdwn',
        text: 'Approve BLOCK_IP on `203.0.113.7`? You will be recorded as the decider.',
      },
      confirm: { type: 'plain_text', text: 'Approve' },
      deny: { type: 'plain_text', text: 'Cancel' },
      style: 'primary',
    });
    expect(reject.confirm?.confirm).toEqual({ type: 'plain_text', text: 'Reject' });
  });

  it('escapes mrkdwn control characters in facts', () => {
    expect(JSON.stringify(approvalBlocks(view))).toContain('#42 &lt;script&gt;');
    expect(escapeMrkdwn('a & <b>')).toBe('a &amp; &lt;b&gt;');
  });

  it('after a decision drops the buttons and says who decided', () => {
    const decided = approvalBlocks(view, {
      decision: SlackDecision.Reject,
      by: 'Alice Approver',
      pending: false,
    });
    expect(buttons(decided)).toHaveLength(0);
    expect(JSON.stringify(decided)).toContain(':x: rejected by Alice Approver (via Slack)');
    expect(
      approvalText(view, { decision: SlackDecision.Reject, by: 'Alice Approver', pending: false }),
    ).toBe('Approval needed: BLOCK_IP on 203.0.113.7 (rejected by Alice Approver)');
  });

  it('keeps the buttons while a second approver is still needed', () => {
    const partial = approvalBlocks(view, {
      decision: SlackDecision.Approve,
      by: 'Alice',
      pending: true,
    });
    expect(buttons(partial)).toHaveLength(2);
    expect(JSON.stringify(partial)).toContain('approved by Alice; waiting for a second approver');
  });
});
