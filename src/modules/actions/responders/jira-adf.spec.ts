import { responderRequest } from '../../../../test/factories/responder-request.factory';
import { adfDescription } from './jira-adf';
import { describeRequest } from './notification-content';

/** Every text node in a document. */
function texts(node: unknown): Array<{ text: string }> {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { type?: unknown }).type === 'text' ? [node as { text: string }] : [];
  return [...own, ...Object.values(node).flatMap(texts)];
}

describe('adfDescription', () => {
  it('is a version 1 doc with the facts as a bullet list and no empty text node', () => {
    const doc = adfDescription(
      describeRequest(responderRequest({ params: { message: 'line one\n\n\nline two' } })),
    );
    expect(doc).toMatchObject({ version: 1, type: 'doc' });
    const content = doc.content as Array<Record<string, unknown>>;
    expect(content.slice(0, 2)).toEqual([
      { type: 'paragraph', content: [{ type: 'text', text: 'line one' }] },
      { type: 'paragraph', content: [{ type: 'text', text: 'line two' }] },
    ]);
    expect(content[2]).toMatchObject({
      type: 'bulletList',
      content: expect.arrayContaining([
        {
          type: 'listItem',
          content: [
            {
              type: 'paragraph',
              content: [
                { type: 'text', text: 'Severity: ', marks: [{ type: 'strong' }] },
                { type: 'text', text: 'HIGH' },
              ],
            },
          ],
        },
      ]),
    });
    expect(texts(doc).every((node) => node.text.length > 0)).toBe(true);
  });

  it('leaves out the message and link when there are none', () => {
    const doc = adfDescription(
      describeRequest({ ...responderRequest(), context: { caseId: 'c' } }),
    );
    const content = doc.content as Array<Record<string, unknown>>;
    expect(content.map((node) => node.type)).toEqual(['bulletList', 'paragraph']);
  });
});
