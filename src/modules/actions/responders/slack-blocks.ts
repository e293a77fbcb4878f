import type { Button, ConfirmationDialog, KnownBlock, MessageMetadata } from '@slack/types';
import { clip, type Notification, type NotificationFact } from './notification-content';

/** Metadata event types: a retry finds its own earlier message by them. */
export enum SlackEventType {
  Notification = 'minisoar_notification',
  Approval = 'minisoar_approval',
}

/** The interactions endpoint's button ids (API.md: `action_id` approve or reject). */
export enum SlackDecision {
  Approve = 'approve',
  Reject = 'reject',
}

/** What an approval message shows about the action waiting for a decision. */
export interface ApprovalView {
  actionId: string;
  actionType: string;
  target: string;
  facts: NotificationFact[];
  link?: string;
}

/** A decision taken from Slack, for the updated message. */
export interface DecisionView {
  decision: SlackDecision;
  by: string;
  /** True when the action still waits for another approver (CRITICAL assets need two). */
  pending: boolean;
}

const MAX_FIELDS = 10;

/** Slack mrkdwn treats &, < and > as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function messageMetadata(type: SlackEventType, actionId: string): MessageMetadata {
  return { event_type: type, event_payload: { action_id: actionId } };
}

/** NOTIFY_SLACK: header, free text, facts, link back to the case, the action id. */
export function notificationBlocks(note: Notification): KnownBlock[] {
  const blocks: KnownBlock[] = [header(note.title)];
  if (note.message) blocks.push(section(escapeMrkdwn(note.message)));
  blocks.push(...factBlocks(note.facts));
  if (note.link) blocks.push(section(linkText(note.link)));
  blocks.push(footer(note.actionId));
  return blocks;
}

/** The approval request: what would be done, then Approve / Reject behind a confirm dialog. */
export function approvalBlocks(view: ApprovalView, decision?: DecisionView): KnownBlock[] {
  const blocks: KnownBlock[] = [
    header(`Approval needed: ${view.actionType}`),
    section(`*Target*\n\`${escapeMrkdwn(view.target)}\``),
    ...factBlocks(view.facts),
  ];
  if (view.link) blocks.push(section(linkText(view.link)));
  if (decision) blocks.push(section(decisionText(decision)));
  if (!decision || decision.pending) {
    blocks.push({
      type: 'actions',
      block_id: 'minisoar_decision',
      elements: [
        decisionButton(SlackDecision.Approve, view, 'primary'),
        decisionButton(SlackDecision.Reject, view, 'danger'),
      ],
    });
  }
  blocks.push(footer(view.actionId));
  return blocks;
}

/** The message's plain-text fallback (notifications, screen readers). */
export function approvalText(view: ApprovalView, decision?: DecisionView): string {
  const base = `Approval needed: ${view.actionType} on ${view.target}`;
  return decision ? `${base} (${plainDecision(decision)})` : base;
}

function decisionButton(
  decision: SlackDecision,
  view: ApprovalView,
  style: Button['style'],
): Button {
  const verb = decision === SlackDecision.Approve ? 'Approve' : 'Reject';
  const confirm: ConfirmationDialog = {
    title: { type: 'plain_text', text: `${verb} this action?` },
    text: {
      type: 'mrkdwn',
      text: clip(
        `${verb} ${view.actionType} on \`${escapeMrkdwn(view.target)}\`? You will be recorded as the decider.`,
        300,
      ),
    },
    confirm: { type: 'plain_text', text: verb },
    deny: { type: 'plain_text', text: 'Cancel' },
    style,
  };
  return {
    type: 'button',
    action_id: decision,
    text: { type: 'plain_text', text: verb },
    value: view.actionId,
    style,
    confirm,
  };
}

function plainDecision(decision: DecisionView): string {
  if (decision.decision === SlackDecision.Reject) return `rejected by ${decision.by}`;
  return decision.pending
    ? `approved by ${decision.by}; waiting for a second approver`
    : `approved by ${decision.by}`;
}

function decisionText(decision: DecisionView): string {
  const mark = decision.decision === SlackDecision.Approve ? ':white_check_mark:' : ':x:';
  return `${mark} ${escapeMrkdwn(plainDecision(decision))} (via Slack)`;
}

function header(text: string): KnownBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, 150) } };
}

function section(text: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: clip(text, 3000) } };
}

function factBlocks(facts: NotificationFact[]): KnownBlock[] {
  if (facts.length === 0) return [];
  return [
    {
      type: 'section',
      fields: facts.slice(0, MAX_FIELDS).map((fact) => ({
        type: 'mrkdwn' as const,
        text: clip(`*${fact.label}*\n${escapeMrkdwn(fact.value)}`, 2000),
      })),
    },
  ];
}

function linkText(link: string): string {
  return `<${link.replace(/[|>]/g, encodeURIComponent)}|Open the case in Mini-SOAR>`;
}

function footer(actionId: string): KnownBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `Mini-SOAR action ${actionId}` }] };
}
