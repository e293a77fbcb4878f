import { connect as netConnect } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { Attribute, Change, Client, ResultCodeError, type Entry } from 'ldapts';
import {
  assertHostAllowed,
  guardedLookup,
  OutboundBlockedError,
} from '../../../common/http/outbound';
import { ResponderError } from './responder.errors';

export interface LdapConnection {
  url: string;
  bindDn: string;
  bindPassword: string;
  startTls: boolean;
  timeoutMs: number;
}

/** Result codes that say "not now" rather than "never": busy, unavailable, time limit, 80. */
const TRANSIENT_CODES = new Set([3, 11, 51, 52, 80]);

/**
 * One bound LDAP session over ldapts. The host passes the outbound SSRF guard before the
 * connect, and the connect itself resolves through the guarded lookup (no rebinding window).
 */
export class LdapDirectory {
  private constructor(private readonly client: Client) {}

  static async open(connection: LdapConnection): Promise<LdapDirectory> {
    const url = new URL(connection.url);
    const secure = url.protocol === 'ldaps:';
    const port = Number(url.port) || (secure ? 636 : 389);
    await step('connect', () => assertHostAllowed(url.hostname, port));
    const client = new Client({
      url: connection.url,
      timeout: connection.timeoutMs,
      connectTimeout: connection.timeoutMs,
      createConnection: ((p: number, host: string) =>
        netConnect({ port: p, host, lookup: guardedLookup })) as typeof netConnect,
      createSecureConnection: ((
        first: number | ConnectionOptions,
        host?: string,
        options?: ConnectionOptions,
      ) =>
        typeof first === 'number'
          ? tlsConnect({ ...options, port: first, host, servername: host, lookup: guardedLookup })
          : tlsConnect(first)) as typeof tlsConnect,
    });
    const directory = new LdapDirectory(client);
    try {
      if (connection.startTls) await step('StartTLS', () => client.startTLS());
      await step('bind', () => client.bind(connection.bindDn, connection.bindPassword));
    } catch (error) {
      await directory.close();
      throw error;
    }
    return directory;
  }

  search(baseDn: string, filter: string, attributes: string[]): Promise<Entry[]> {
    return step('search', async () => {
      const { searchEntries } = await this.client.search(baseDn, {
        scope: 'sub',
        filter,
        attributes,
      });
      return searchEntries;
    });
  }

  /** One attribute of one entry (first value), or undefined when it is absent. */
  async read(dn: string, attribute: string): Promise<string | undefined> {
    const entries = await step('read back', async () => {
      const result = await this.client.search(dn, { scope: 'base', attributes: [attribute] });
      return result.searchEntries;
    });
    return entries[0] ? firstValue(entries[0], attribute) : undefined;
  }

  replace(dn: string, attribute: string, value: string): Promise<void> {
    const modification = new Attribute({ type: attribute, values: [value] });
    return step('modify', () =>
      this.client.modify(dn, new Change({ operation: 'replace', modification })),
    );
  }

  async close(): Promise<void> {
    await this.client.unbind().catch(() => undefined);
  }
}

/** The first value of `attribute` in an entry (attribute names compare case-insensitively). */
export function firstValue(entry: Entry, attribute: string): string | undefined {
  const key = Object.keys(entry).find((name) => name.toLowerCase() === attribute.toLowerCase());
  const value = key === undefined ? undefined : entry[key];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/** Runs one LDAP step, turning failures into ResponderErrors that say which step and why. */
async function step<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ResponderError) throw error;
    if (error instanceof ResultCodeError) {
      throw new ResponderError(
        'ldap',
        `${what} failed: ${error.name} (result code ${error.code})`,
        TRANSIENT_CODES.has(error.code),
        { cause: error },
      );
    }
    // The SSRF guard's refusal: the configured URL is at fault, trying again cannot help.
    const retryable = !(error instanceof OutboundBlockedError);
    const reason = (error as Error).message;
    throw new ResponderError('ldap', `${what} failed: ${reason}`, retryable, { cause: error });
  }
}
