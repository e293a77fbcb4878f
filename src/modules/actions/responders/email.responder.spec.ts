import { SmtpTestServer } from '../../../../test/fakes/smtp.server';
import { responderRequest } from '../../../../test/factories/responder-request.factory';
import { ActionType } from '../../../generated/prisma/enums';
import {
  EMAIL_DEFAULTS,
  EMAIL_RESPONDER,
  EmailResponder,
  type EmailSettings,
} from './email.responder';
import { ResponderMode } from './responder';
import { ResponderError } from './responder.errors';

describe(EmailResponder.name, () => {
  let smtp: SmtpTestServer;
  let settings: EmailSettings;

  beforeAll(async () => {
    smtp = await new SmtpTestServer().start();
    settings = {
      ...EMAIL_DEFAULTS,
      host: '127.0.0.1',
      port: smtp.port,
      user: smtp.user,
      password: smtp.password,
      from: 'Mini-SOAR <soar@example.com>',
      to: 'soc@example.com',
    };
  });
  afterAll(() => smtp.stop());

  const email = (overrides = {}) =>
    responderRequest({
      actionType: ActionType.NOTIFY_EMAIL,
      params: { message: 'Please review <now>.' },
      ...overrides,
    });

  it('delivers one message with text and HTML parts, subject, from and to, over authenticated SMTP', async () => {
    const request = email({ target: 'oncall@example.com' });
    const result = await new EmailResponder(settings).execute(request);

    const [received] = smtp.received.slice(-1);
    expect(received.user).toBe(smtp.user);
    expect(received.envelopeFrom).toBe('soar@example.com');
    expect(received.envelopeTo).toEqual(['oncall@example.com']);
    const { mail } = received;
    expect(mail.subject).toBe('[Mini-SOAR] [HIGH] Case #42: Port scan from 203.0.113.7');
    expect(mail.from?.value).toEqual([{ address: 'soar@example.com', name: 'Mini-SOAR' }]);
    expect(mail.to).toMatchObject({ value: [{ address: 'oncall@example.com', name: '' }] });
    expect(mail.messageId).toBe(`<minisoar-${request.actionId}@example.com>`);
    expect(mail.headers.get('x-mini-soar-action')).toBe(request.actionId);
    expect(mail.text).toContain('Please review <now>.');
    expect(mail.text).toContain('Risk score: 78');
    expect(mail.text).toContain(`Open the case: ${request.context.link}`);
    expect(mail.html).toContain('<p>Please review &lt;now&gt;.</p>');
    expect(mail.html).toContain(`<a href="${request.context.link}">Open the case in Mini-SOAR</a>`);
    expect(result.output).toEqual({
      messageId: mail.messageId,
      accepted: ['oncall@example.com'],
      rejected: [],
    });
    expect(result.effects).toEqual([
      { kind: 'smtp', from: settings.from, to: ['oncall@example.com'], subject: mail.subject },
    ]);
  });

  it('sends to the configured recipients when the action names none', async () => {
    await new EmailResponder(settings).execute(email());
    expect(smtp.received.at(-1)?.envelopeTo).toEqual(['soc@example.com']);
  });

  it.each([ResponderMode.DryRun, ResponderMode.NotifyOnly])(
    'in %s mode sends nothing',
    async (mode) => {
      const before = smtp.received.length;
      const result = await new EmailResponder(settings).execute(email({ mode }));
      expect(smtp.received.length).toBe(before);
      expect(result.effects).toEqual([
        {
          kind: 'smtp',
          from: settings.from,
          to: ['soc@example.com'],
          subject: expect.stringMatching(/^\[Mini-SOAR\]/),
        },
      ]);
    },
  );

  it('fails without retry on refused credentials, never showing the password', async () => {
    const failure = await new EmailResponder({ ...settings, password: 'wrong-password' })
      .execute(email())
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ResponderError);
    expect((failure as ResponderError).message).toMatch(/^email: sending failed \(EAUTH\)/);
    expect((failure as ResponderError).message).not.toContain('wrong-password');
    expect((failure as ResponderError).retryable).toBe(false);
  });

  it('tests the connection with EHLO and AUTH, sending no message', async () => {
    const before = smtp.received.length;
    const config = {
      enabled: true,
      settings: { ...settings, password: null },
      secrets: { password: smtp.password },
    };
    await expect(EMAIL_RESPONDER.testConnection?.(config)).resolves.toEqual({
      ok: true,
      detail: `SMTP server 127.0.0.1:${smtp.port} answered and accepted the credentials`,
    });
    expect(smtp.received.length).toBe(before);
  });

  it('refuses an SMTP host the SSRF guard does not allow, without connecting', async () => {
    const blocked = new EmailResponder({ ...settings, host: '169.254.169.254' });
    const failure = await blocked.execute(email()).catch((e: unknown) => e);
    expect((failure as ResponderError).message).toBe(
      'email: Outbound connection to 169.254.169.254 refused: a cloud metadata address',
    );
    expect((failure as ResponderError).retryable).toBe(false);
  });

  it('names a bad setting', () => {
    const config = {
      enabled: true,
      settings: { host: 'smtp.example.com', from: 'not-an-address' },
      secrets: {},
    };
    expect(() => EMAIL_RESPONDER.validate?.(config)).toThrow(
      'settings.from must be an email address',
    );
  });
});
