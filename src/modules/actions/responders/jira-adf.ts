import type { JsonObject } from '../../../common/types/json';
import type { Notification } from './notification-content';

type AdfNode = JsonObject;

/** ADF forbids empty text nodes; every caller passes non-empty text. */
function text(value: string, marks?: JsonObject[]): AdfNode {
  return marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
}

function paragraph(...content: AdfNode[]): AdfNode {
  return { type: 'paragraph', content };
}

/**
 * The issue description in Atlassian Document Format (REST v3 takes no plain strings):
 * the free text, a bullet list of the facts, a link back to the case and the action id.
 */
export function adfDescription(note: Notification): AdfNode {
  const content: AdfNode[] = [];
  if (note.message) {
    for (const line of note.message.split(/\n+/).filter((l) => l.trim() !== '')) {
      content.push(paragraph(text(line)));
    }
  }
  if (note.facts.length > 0) {
    content.push({
      type: 'bulletList',
      content: note.facts.map((fact) => ({
        type: 'listItem',
        content: [paragraph(text(`${fact.label}: `, [{ type: 'strong' }]), text(fact.value))],
      })),
    });
  }
  if (note.link) {
    content.push(
      paragraph(text('Open the case in Mini-SOAR', [{ type: 'link', attrs: { href: note.link } }])),
    );
  }
  content.push(paragraph(text(`Mini-SOAR action ${note.actionId}`, [{ type: 'em' }])));
  return { version: 1, type: 'doc', content };
}
