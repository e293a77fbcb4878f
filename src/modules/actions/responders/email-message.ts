import type { Notification } from './notification-content';

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char]);
}

/** A notification as a subject with a plain-text part and an HTML part saying the same. */
export function emailContent(note: Notification): EmailContent {
  const subject = `[Mini-SOAR] ${note.title}`.replace(/[\r\n]+/g, ' ');
  const text = [
    note.title,
    '',
    ...(note.message ? [note.message, ''] : []),
    ...note.facts.map((fact) => `${fact.label}: ${fact.value}`),
    ...(note.link ? ['', `Open the case: ${note.link}`] : []),
    '',
    `Mini-SOAR action ${note.actionId}`,
  ].join('\n');
  const rows = note.facts
    .map(
      (fact) =>
        `<tr><th align="left" style="padding-right:12px">${escapeHtml(fact.label)}</th><td>${escapeHtml(fact.value)}</td></tr>`,
    )
    .join('');
  const colour = note.urgent ? ' style="color:#b00020"' : '';
  const html = [
    '<!doctype html><html><body>',
    `<h2${colour}>${escapeHtml(note.title)}</h2>`,
    note.message ? `<p>${escapeHtml(note.message).replace(/\n/g, '<br>')}</p>` : '',
    rows ? `<table>${rows}</table>` : '',
    note.link ? `<p><a href="${escapeHtml(note.link)}">Open the case in Mini-SOAR</a></p>` : '',
    `<p style="color:#666;font-size:small">Mini-SOAR action ${escapeHtml(note.actionId)}</p>`,
    '</body></html>',
  ].join('');
  return { subject, text, html };
}
