import type { ResponderRequest, ResponseContext } from './responder';

export interface NotificationFact {
  label: string;
  value: string;
}

/** What every notification and ticket says, before a vendor's format shapes it. */
export interface Notification {
  actionId: string;
  /** `[HIGH] Case #12: Port scan from 203.0.113.7` */
  title: string;
  severity?: string;
  /** HIGH and CRITICAL: formats that can colour text do. */
  urgent: boolean;
  /** Free text from the action's `params.message`. */
  message?: string;
  facts: NotificationFact[];
  /** Back to the case in Mini-SOAR. */
  link?: string;
}

const MAX_MESSAGE = 2_000;
const URGENT = new Set(['HIGH', 'CRITICAL']);

/** Shortens text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function describeRequest(request: ResponderRequest): Notification {
  const { context, params } = request;
  const message = typeof params.message === 'string' ? params.message.trim() : '';
  return {
    actionId: request.actionId,
    title: titleOf(context),
    severity: context.severity,
    urgent: context.severity !== undefined && URGENT.has(context.severity),
    message: message ? clip(message, MAX_MESSAGE) : undefined,
    facts: factsOf(context),
    link: context.link,
  };
}

function titleOf(context: ResponseContext): string {
  const subject = context.caseTitle ?? context.alertTitle ?? 'Mini-SOAR case';
  const number = context.caseNumber === undefined ? 'Case' : `Case #${context.caseNumber}`;
  const severity = context.severity ? `[${context.severity}] ` : '';
  return clip(`${severity}${number}: ${subject}`, 200);
}

function factsOf(context: ResponseContext): NotificationFact[] {
  const facts: Array<[string, string | number | null | undefined]> = [
    ['Severity', context.severity],
    ['Risk score', context.riskScore],
    ['Case', context.caseNumber === undefined ? context.caseId : `#${context.caseNumber}`],
    ['Alert', context.alertTitle],
    ['Requested by', context.requestedBy],
    ['Reason', context.reason],
  ];
  return facts
    .filter(
      (fact): fact is [string, string | number] =>
        fact[1] !== undefined && fact[1] !== null && fact[1] !== '',
    )
    .map(([label, value]) => ({ label, value: clip(String(value), 500) }));
}
