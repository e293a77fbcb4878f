import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';

export interface ReceivedMail {
  envelopeFrom: string;
  envelopeTo: string[];
  user?: string;
  mail: ParsedMail;
}

/**
 * A real SMTP server (the smtp-server package) on 127.0.0.1 that requires AUTH PLAIN/LOGIN
 * with `user`/`password` and keeps every message, parsed, for the test to read.
 */
export class SmtpTestServer {
  readonly user = 'mailer';
  readonly password = 'smtp-test-password';
  readonly received: ReceivedMail[] = [];
  port = 0;
  private server: SMTPServer | undefined;

  async start(): Promise<this> {
    this.server = new SMTPServer({
      authOptional: false,
      allowInsecureAuth: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onAuth: (auth, _session, callback) => {
        if (auth.username === this.user && auth.password === this.password) {
          callback(null, { user: auth.username });
        } else {
          callback(new Error('Invalid username or password'));
        }
      },
      onData: (stream, session, callback) => {
        simpleParser(stream)
          .then((mail) => {
            this.received.push({
              envelopeFrom: address(session.envelope.mailFrom),
              envelopeTo: session.envelope.rcptTo.map(address),
              user: session.user as string | undefined,
              mail,
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });
    const server = this.server;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.port = (server.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function address(value: SMTPServerAddress | false): string {
  return value ? value.address : '';
}
