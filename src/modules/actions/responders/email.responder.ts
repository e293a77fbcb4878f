import { createTransport, type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { assertHostAllowed, OutboundBlockedError } from '../../../common/http/outbound';
import { ActionType } from '../../../generated/prisma/enums';
import { IntegrationSettingsError, type IntegrationConfig } from '../../integrations';
import { emailContent } from './email-message';
import { describeRequest } from './notification-content';
import {
  ResponderMode,
  type PlannedEffect,
  type Responder,
  type ResponderRequest,
  type ResponderResult,
} from './responder';
import { defineResponder } from './responder-definition';
import { readSettings, requireSettings, targetOrDefault } from './responder-settings';
import { ResponderError } from './responder.errors';

export interface EmailSettings {
  host: string;
  port: number;
  /** true: TLS from the first byte (port 465); false: STARTTLS when the server offers it. */
  secure: boolean;
  user: string;
  /** Secret: the SMTP password (only with `user`). */
  password: string;
  from: string;
  /** Recipients when the action names none (comma-separated). */
  to: string;
  timeoutMs: number;
}

export const EMAIL_DEFAULTS: EmailSettings = {
  host: '',
  port: 587,
  secure: false,
  user: '',
  password: '',
  from: '',
  to: '',
  timeoutMs: 10_000,
};

const ADDRESS = /^[^\s@<>,;]+@[^\s@<>,;]+$/;
/** SMTP errors that a later try may get past (connection trouble, 4xx replies). */
const TRANSIENT_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS']);

export function emailSettings(
  config: Pick<IntegrationConfig, 'settings' | 'secrets'>,
): EmailSettings {
  const settings = readSettings(EMAIL_DEFAULTS, config);
  requireSettings(settings, ['host', 'from']);
  if (!Number.isInteger(settings.port) || settings.port < 1 || settings.port > 65_535) {
    throw new IntegrationSettingsError('settings.port', 'must be a port number (1-65535)');
  }
  if (!ADDRESS.test(bareAddress(settings.from))) {
    throw new IntegrationSettingsError('settings.from', 'must be an email address');
  }
  if (settings.to && !recipients(settings.to).every((address) => ADDRESS.test(address))) {
    throw new IntegrationSettingsError('settings.to', 'must be email addresses, comma-separated');
  }
  if (settings.password && !settings.user) {
    throw new IntegrationSettingsError('settings.user', 'is required with a password');
  }
  return settings;
}

/**
 * NOTIFY_EMAIL: one message with text and HTML parts over SMTP (nodemailer), to the target
 * address or `to`. Its Message-ID derives from the action id, so a copy resent after a crash
 * is the same message to every client that deduplicates by Message-ID.
 */
export class EmailResponder implements Responder {
  readonly name = 'email';
  readonly actionTypes = [ActionType.NOTIFY_EMAIL];
  private readonly transporter: Transporter<SMTPTransport.SentMessageInfo>;

  constructor(private readonly settings: EmailSettings) {
    const timeout = settings.timeoutMs;
    this.transporter = createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      auth: settings.user ? { user: settings.user, pass: settings.password } : undefined,
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
      dnsTimeout: timeout,
      disableFileAccess: true,
      disableUrlAccess: true,
    });
  }

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const to = recipients(
      targetOrDefault(this.name, request.target, this.settings.to, 'recipient'),
    );
    const content = emailContent(describeRequest(request));
    const effect: PlannedEffect = {
      kind: 'smtp',
      from: this.settings.from,
      to,
      subject: content.subject,
    };
    if (request.mode !== ResponderMode.Live) return { output: { to }, effects: [effect] };
    let info: SMTPTransport.SentMessageInfo;
    try {
      await this.assertHostAllowed();
      info = await this.transporter.sendMail({
        from: this.settings.from,
        to,
        ...content,
        messageId: `<minisoar-${request.actionId}@${domainOf(this.settings.from)}>`,
        headers: { 'X-Mini-SOAR-Action': request.actionId },
      });
    } catch (error) {
      throw smtpFailure('sending', error);
    }
    if (info.accepted.length === 0) {
      throw new ResponderError(this.name, `every recipient was refused: ${info.response}`, false);
    }
    return {
      output: {
        messageId: info.messageId,
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
      },
      effects: [effect],
    };
  }

  /** EHLO, STARTTLS when offered, AUTH when configured; no message. */
  async testConnection(): Promise<{ ok: boolean; detail: string }> {
    try {
      await this.assertHostAllowed();
      await this.transporter.verify();
    } catch (error) {
      throw smtpFailure('verify', error);
    }
    const auth = this.settings.user ? ' and accepted the credentials' : '';
    return {
      ok: true,
      detail: `SMTP server ${this.settings.host}:${this.settings.port} answered${auth}`,
    };
  }

  /** The SSRF guard for SMTP: nodemailer resolves the host itself, so it is checked first. */
  private async assertHostAllowed(): Promise<void> {
    await assertHostAllowed(this.settings.host, this.settings.port);
  }
}

function smtpFailure(what: string, error: unknown): ResponderError {
  if (error instanceof OutboundBlockedError)
    return new ResponderError('email', error.message, false);
  const { code, responseCode, message } = error as Error & { code?: string; responseCode?: number };
  const retryable =
    (code !== undefined && TRANSIENT_CODES.has(code)) ||
    (responseCode !== undefined && responseCode >= 400 && responseCode < 500);
  return new ResponderError('email', `${what} failed (${code ?? 'error'}): ${message}`, retryable);
}

function recipients(list: string): string[] {
  return list
    .split(',')
    .map((address) => address.trim())
    .filter(Boolean);
}

function bareAddress(address: string): string {
  return /<([^>]*)>\s*$/.exec(address)?.[1] ?? address.trim();
}

function domainOf(address: string): string {
  return bareAddress(address).split('@')[1] ?? 'mini-soar';
}

export const EMAIL_RESPONDER = defineResponder<EmailSettings>({
  name: 'email',
  actionTypes: [ActionType.NOTIFY_EMAIL],
  defaults: EMAIL_DEFAULTS,
  secretKeys: ['password'],
  settings: emailSettings,
  build: (settings) => new EmailResponder(settings),
});
