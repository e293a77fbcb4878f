import { responderRequest } from '../../../../test/factories/responder-request.factory';
import { emailContent, escapeHtml } from './email-message';
import { describeRequest } from './notification-content';

describe('emailContent', () => {
  it('escapes HTML and keeps the subject on one line', () => {
    const request = {
      ...responderRequest({ params: { message: '<img src=x onerror=alert(1)>' } }),
      context: { caseId: 'c', caseTitle: 'Phish\r\nBcc: victim@example.com' },
    };
    const content = emailContent(describeRequest(request));
    expect(content.subject).toBe('[Mini-SOAR] Case: Phish Bcc: victim@example.com');
    expect(content.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(content.html).not.toContain('<img');
    expect(content.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('escapes the five HTML special characters', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
