import type { ActionWithApprovals } from '../actions.repository';
import { clip, type NotificationFact } from '../responders/notification-content';
import type { ResponseContext } from '../responders/responder';
import type { ApprovalView } from '../responders/slack-blocks';

/** What the approval message shows: the exact request and who asked, so approvers see it all. */
export function approvalView(action: ActionWithApprovals, context: ResponseContext): ApprovalView {
  const facts: NotificationFact[] = [];
  const add = (label: string, value: string | number | null | undefined) => {
    if (value !== undefined && value !== null && value !== '') {
      facts.push({ label, value: clip(String(value), 500) });
    }
  };
  add(
    'Case',
    context.caseNumber === undefined
      ? context.caseId
      : `#${context.caseNumber} ${context.caseTitle ?? ''}`.trim(),
  );
  add('Severity', context.severity);
  add('Requested by', context.requestedBy);
  add('Reason', context.reason);
  const params = action.params as Record<string, unknown> | null;
  if (params && Object.keys(params).length > 0) add('Parameters', JSON.stringify(params));
  if (action.requiredApprovals > 1)
    add('Approvals needed', `${action.requiredApprovals} different approvers`);
  return {
    actionId: action.id,
    actionType: action.actionType,
    target: action.target,
    facts,
    link: context.link,
  };
}
