import type { Entry } from 'ldapts';
import { ActionType } from '../../../generated/prisma/enums';
import { IntegrationSettingsError, type IntegrationConfig } from '../../integrations';
import { LdapDirectory, firstValue } from './ldap-directory';
import { accountFilter, LDAP_MODES, type LdapMode } from './ldap-filter';
import {
  ResponderMode,
  type PlannedEffect,
  type Responder,
  type ResponderRequest,
  type ResponderResult,
} from './responder';
import { defineResponder } from './responder-definition';
import { ResponderError } from './responder.errors';
import { DEFAULT_RESPONDER_TIMEOUT_MS, readSettings, requireSettings } from './responder-settings';

export interface LdapSettings {
  /** ldap://host[:port] or ldaps://host[:port]. */
  url: string;
  bindDn: string;
  /** Secret. */
  bindPassword: string;
  /** Where accounts are searched (whole subtree). */
  baseDn: string;
  mode: string;
  /** Upgrade an ldap:// connection with StartTLS before binding. */
  startTls: boolean;
  timeoutMs: number;
}

export const LDAP_DEFAULTS: LdapSettings = {
  url: '',
  bindDn: '',
  bindPassword: '',
  baseDn: '',
  mode: 'ad',
  startTls: false,
  timeoutMs: DEFAULT_RESPONDER_TIMEOUT_MS,
};

/** AD userAccountControl ACCOUNTDISABLE. */
export const ACCOUNTDISABLE = 0x2;
/** ppolicy: a pwdAccountLockedTime of 000001010000Z locks the account until an admin clears it. */
export const PERMANENT_LOCK = '000001010000Z';

/** How one directory flavour disables an account: which attribute, and its disabled value. */
interface DisableRule {
  attribute: string;
  /** The value to write, or undefined when the account is already disabled. */
  next(current: string | undefined): string | undefined;
}

const RULES: Record<LdapMode, DisableRule> = {
  ad: {
    attribute: 'userAccountControl',
    next: (current) => {
      const flags = Number(current);
      if (current === undefined || !Number.isInteger(flags)) {
        throw new ResponderError('ldap', `userAccountControl is not a number (${current})`, false);
      }
      // OR in ACCOUNTDISABLE, keeping every other flag (password policy, delegation...).
      return flags & ACCOUNTDISABLE ? undefined : String(flags | ACCOUNTDISABLE);
    },
  },
  openldap: {
    attribute: 'pwdAccountLockedTime',
    next: (current) => (current === PERMANENT_LOCK ? undefined : PERMANENT_LOCK),
  },
};

export function ldapSettings(config: Pick<IntegrationConfig, 'settings' | 'secrets'>) {
  const settings = readSettings(LDAP_DEFAULTS, config);
  requireSettings(settings, ['url', 'bindDn', 'bindPassword', 'baseDn']);
  if (!/^ldaps?:\/\/[^/?#]+\/?$/i.test(settings.url)) {
    throw new IntegrationSettingsError('settings.url', 'must be ldap://host[:port] or ldaps://...');
  }
  if (!(LDAP_MODES as readonly string[]).includes(settings.mode)) {
    throw new IntegrationSettingsError('settings.mode', `must be one of ${LDAP_MODES.join(', ')}`);
  }
  if (settings.startTls && settings.url.toLowerCase().startsWith('ldaps:')) {
    throw new IntegrationSettingsError('settings.startTls', 'is for ldap:// URLs (ldaps is TLS)');
  }
  return settings;
}

/**
 * DISABLE_USER in a directory. The name must match exactly one account (filter values
 * escaped per RFC 4515). AD: userAccountControl |= ACCOUNTDISABLE; OpenLDAP: ppolicy's
 * pwdAccountLockedTime = 000001010000Z. Already disabled -> alreadyDone; after the write the
 * value is read back. Dry-run and notify-only search (to name the exact modify) but never write.
 */
export class LdapResponder implements Responder {
  readonly name = 'ldap';
  readonly actionTypes = [ActionType.DISABLE_USER];

  constructor(private readonly settings: LdapSettings) {}

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const mode = this.settings.mode as LdapMode;
    const rule = RULES[mode];
    const directory = await LdapDirectory.open(this.settings);
    try {
      const account = await this.findAccount(directory, mode, request.target, rule.attribute);
      const dn = account.dn;
      const before = firstValue(account, rule.attribute);
      const after = rule.next(before);
      const output = { dn, mode, attribute: rule.attribute, before: before ?? null };
      if (after === undefined)
        return { output: { ...output, after: before ?? null }, effects: [], alreadyDone: true };
      const effect: PlannedEffect = {
        kind: 'ldap',
        operation: 'modify',
        dn,
        changes: { replace: { [rule.attribute]: [after] } },
      };
      if (request.mode !== ResponderMode.Live)
        return { output: { ...output, after }, effects: [effect] };
      await directory.replace(dn, rule.attribute, after);
      const readBack = await directory.read(dn, rule.attribute);
      if (readBack !== after) {
        throw new ResponderError(
          'ldap',
          `${dn}: wrote ${rule.attribute}=${after} but read back ${readBack}`,
          true,
        );
      }
      return { output: { ...output, after: readBack }, effects: [effect] };
    } finally {
      await directory.close();
    }
  }

  async testConnection(): Promise<{ ok: boolean; detail: string }> {
    const directory = await LdapDirectory.open(this.settings);
    try {
      const objectClass = await directory.read(this.settings.baseDn, 'objectClass');
      const { bindDn, baseDn } = this.settings;
      return objectClass === undefined
        ? { ok: false, detail: `bound as ${bindDn}, but ${baseDn} cannot be read` }
        : { ok: true, detail: `bound as ${bindDn}; read ${baseDn} (${objectClass})` };
    } finally {
      await directory.close();
    }
  }

  private async findAccount(
    directory: LdapDirectory,
    mode: LdapMode,
    username: string,
    attribute: string,
  ): Promise<Entry> {
    const entries = await directory.search(this.settings.baseDn, accountFilter(mode, username), [
      attribute,
    ]);
    if (entries.length !== 1) {
      const found = entries.length === 0 ? 'no account' : `${entries.length} accounts`;
      throw new ResponderError(
        'ldap',
        `${found} under ${this.settings.baseDn} match "${username}"; exactly one is required`,
        false,
      );
    }
    return entries[0];
  }
}

export const LDAP_RESPONDER = defineResponder<LdapSettings>({
  name: 'ldap',
  actionTypes: [ActionType.DISABLE_USER],
  defaults: LDAP_DEFAULTS,
  secretKeys: ['bindPassword'],
  settings: ldapSettings,
  build: (settings) => new LdapResponder(settings),
});
