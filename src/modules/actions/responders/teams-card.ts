import type { JsonObject } from '../../../common/types/json';
import type { Notification } from './notification-content';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/**
 * A notification as an Adaptive Card (schema 1.4, what Teams renders from Workflows).
 * Its only actions are Action.OpenUrl: opening a link never changes anything in Mini-SOAR.
 */
export function adaptiveCard(note: Notification): JsonObject {
  const body: JsonObject[] = [
    {
      type: 'TextBlock',
      text: note.title,
      weight: 'Bolder',
      size: 'Medium',
      wrap: true,
      ...(note.urgent ? { color: 'Attention' } : {}),
    },
  ];
  if (note.message) body.push({ type: 'TextBlock', text: note.message, wrap: true });
  if (note.facts.length > 0) {
    body.push({
      type: 'FactSet',
      facts: note.facts.map((fact) => ({ title: fact.label, value: fact.value })),
    });
  }
  body.push({
    type: 'TextBlock',
    text: `Mini-SOAR action ${note.actionId}`,
    size: 'Small',
    isSubtle: true,
    wrap: true,
  });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.4',
    body,
    actions: note.link ? [{ type: 'Action.OpenUrl', title: 'Open the case', url: note.link }] : [],
    msteams: { width: 'Full' },
  };
}

/** The Workflows webhook body: one message with the card as its attachment. */
export function teamsMessage(note: Notification): JsonObject {
  return {
    type: 'message',
    attachments: [
      { contentType: ADAPTIVE_CARD_CONTENT_TYPE, contentUrl: null, content: adaptiveCard(note) },
    ],
  };
}
