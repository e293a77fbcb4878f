import { responderRequest } from '../../../../test/factories/responder-request.factory';
import { describeRequest } from './notification-content';
import { adaptiveCard, teamsMessage } from './teams-card';

/** Every `type` of every object in the card whose type starts with `Action.`. */
function actionTypes(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(actionTypes);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { type?: unknown }).type;
  const mine = typeof own === 'string' && own.startsWith('Action.') ? [own] : [];
  return [...mine, ...Object.values(node).flatMap(actionTypes)];
}

describe('adaptiveCard', () => {
  it('links only with Action.OpenUrl: opening it changes nothing', () => {
    const card = adaptiveCard(describeRequest(responderRequest()));
    expect(actionTypes(card)).toEqual(['Action.OpenUrl']);
  });

  it('has no actions without a link, and colours HIGH and CRITICAL titles', () => {
    const note = describeRequest(
      responderRequest({ context: { caseId: 'c', link: undefined, severity: 'CRITICAL' } }),
    );
    const card = adaptiveCard(note);
    expect(card.actions).toEqual([]);
    expect((card.body as Array<Record<string, unknown>>)[0]).toMatchObject({
      color: 'Attention',
      text: note.title,
    });
  });

  it('wraps the card as a Workflows message attachment', () => {
    const message = teamsMessage(describeRequest(responderRequest()));
    expect(message).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null }],
    });
  });
});
