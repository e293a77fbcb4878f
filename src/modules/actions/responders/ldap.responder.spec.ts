import { responderFailure } from '../../../../test/helpers/responder-failure';
import type { Client } from 'ldapts';
import { configureOutboundPolicy } from '../../../common/http/outbound';
import { ActionType } from '../../../generated/prisma/enums';
import {
  addAdUser,
  addPosixUser,
  SLAPD_ADMIN_DN,
  SLAPD_ADMIN_PASSWORD,
  SLAPD_BASE_DN,
  startSlapd,
  type SlapdServer,
} from '../../../../test/helpers/slapd';
import { IntegrationSettingsError } from '../../integrations';
import { LDAP_RESPONDER, ldapSettings, PERMANENT_LOCK } from './ldap.responder';
import { ResponderMode, type ResponderRequest, type ResponderResult } from './responder';

const NORMAL_DONT_EXPIRE = 0x10200;

describe('LdapResponder against a real slapd', () => {
  let slapd: SlapdServer;
  let admin: Client;
  const dns: Record<string, string> = {};

  beforeAll(async () => {
    configureOutboundPolicy(['127.0.0.0/8']);
    slapd = await startSlapd();
    admin = await slapd.admin();
    dns.alice = await addAdUser(admin, {
      cn: 'alice',
      sAMAccountName: 'alice',
      uac: NORMAL_DONT_EXPIRE,
    });
    dns.dave = await addAdUser(admin, {
      cn: 'dave',
      userPrincipalName: 'dave@corp.example',
      uac: 512,
    });
    dns.carol = await addAdUser(admin, { cn: 'carol', sAMAccountName: 'carol', uac: 514 });
    await addAdUser(admin, { cn: 'twin1', sAMAccountName: 'twin', uac: 512 });
    await addAdUser(admin, { cn: 'twin2', sAMAccountName: 'twin', uac: 512 });
    dns.bob = await addPosixUser(admin, { uid: 'bob', mail: 'bob@example.test' });
    dns.erin = await addPosixUser(admin, { uid: 'erin' });
    await addPosixUser(admin, { uid: 'shared1', mail: 'shared@example.test' });
    await addPosixUser(admin, { uid: 'shared2', mail: 'shared@example.test' });
  });

  afterAll(async () => {
    await admin?.unbind();
    await slapd?.stop();
  });

  const config = (settings: Record<string, unknown> = {}, password = SLAPD_ADMIN_PASSWORD) => ({
    enabled: true,
    settings: {
      url: slapd.url,
      bindDn: SLAPD_ADMIN_DN,
      baseDn: SLAPD_BASE_DN,
      mode: 'ad',
      ...settings,
    },
    secrets: { bindPassword: password },
  });

  const disable = (
    target: string,
    options: { mode?: 'ad' | 'openldap'; run?: ResponderMode; actionId?: string } = {},
  ): Promise<ResponderResult> => {
    const request: ResponderRequest = {
      actionId: options.actionId ?? 'action-1',
      actionType: ActionType.DISABLE_USER,
      target,
      params: {},
      context: { caseId: 'case-1' },
      mode: options.run ?? ResponderMode.Live,
    };
    return LDAP_RESPONDER.create(config({ mode: options.mode ?? 'ad' }), {}).execute(request);
  };

  const attribute = async (dn: string, name: string): Promise<unknown> => {
    const { searchEntries } = await admin.search(dn, { scope: 'base', attributes: [name] });
    const value = searchEntries[0]?.[name];
    return Array.isArray(value) && value.length === 0 ? undefined : value;
  };

  describe('ad mode', () => {
    it('ORs ACCOUNTDISABLE into userAccountControl, keeps the other flags, and reads it back', async () => {
      const result = await disable('alice');

      expect(await attribute(dns.alice, 'userAccountControl')).toBe(String(NORMAL_DONT_EXPIRE | 2));
      expect(result.alreadyDone).toBeUndefined();
      expect(result.output).toEqual({
        dn: dns.alice,
        mode: 'ad',
        attribute: 'userAccountControl',
        before: '66048',
        after: '66050',
      });
      expect(result.effects).toEqual([
        {
          kind: 'ldap',
          operation: 'modify',
          dn: dns.alice,
          changes: { replace: { userAccountControl: ['66050'] } },
        },
      ]);
    });

    it('a retry of the same action finds the account disabled and changes nothing', async () => {
      const result = await disable('alice');
      expect(result.alreadyDone).toBe(true);
      expect(result.effects).toEqual([]);
      expect(await attribute(dns.alice, 'userAccountControl')).toBe('66050');
    });

    it('finds an account by userPrincipalName', async () => {
      await disable('dave@corp.example');
      expect(await attribute(dns.dave, 'userAccountControl')).toBe('514');
    });

    it('reports an account that was already disabled as alreadyDone', async () => {
      const result = await disable('carol');
      expect(result).toMatchObject({
        alreadyDone: true,
        effects: [],
        output: { before: '514', after: '514' },
      });
    });

    it('fails (not retryable) when no account matches', async () => {
      const error = await responderFailure(disable('nobody'));
      expect(error.message).toBe(
        `ldap: no account under ${SLAPD_BASE_DN} match "nobody"; exactly one is required`,
      );
      expect(error.retryable).toBe(false);
    });

    it('fails when two accounts match, and touches neither', async () => {
      const error = await responderFailure(disable('twin'));
      expect(error.message).toContain('2 accounts under');
      const { searchEntries } = await admin.search(SLAPD_BASE_DN, {
        filter: '(sAMAccountName=twin)',
        attributes: ['userAccountControl'],
      });
      expect(searchEntries.map((entry) => entry.userAccountControl)).toEqual(['512', '512']);
    });
  });

  describe('openldap mode', () => {
    it('sets ppolicy pwdAccountLockedTime to the permanent lock, found by mail', async () => {
      const result = await disable('bob@example.test', { mode: 'openldap' });

      expect(await attribute(dns.bob, 'pwdAccountLockedTime')).toBe(PERMANENT_LOCK);
      expect(result.effects).toEqual([
        {
          kind: 'ldap',
          operation: 'modify',
          dn: dns.bob,
          changes: { replace: { pwdAccountLockedTime: [PERMANENT_LOCK] } },
        },
      ]);
      expect(result.output).toMatchObject({ before: null, after: PERMANENT_LOCK });
    });

    it('a retry is alreadyDone', async () => {
      const result = await disable('bob', { mode: 'openldap' });
      expect(result).toMatchObject({ alreadyDone: true, effects: [] });
    });

    it('two accounts sharing a mail address: FAILED with the reason', async () => {
      const error = await responderFailure(disable('shared@example.test', { mode: 'openldap' }));
      expect(error.message).toContain('2 accounts under');
    });
  });

  describe('RFC 4515 escaping', () => {
    it.each(['*', 'a)(uid=*', '*)(|(uid=*', 'bo*', '\\2a'])(
      '"%s" matches no account',
      async (name) => {
        const error = await responderFailure(disable(name, { mode: 'openldap' }));
        expect(error.message).toContain('no account under');
        expect(await attribute(dns.erin, 'pwdAccountLockedTime')).toBeUndefined();
      },
    );
  });

  describe('dry-run and notify-only', () => {
    it.each([ResponderMode.DryRun, ResponderMode.NotifyOnly])(
      '%s returns the exact modify and writes nothing',
      async (run) => {
        const result = await disable('erin', { mode: 'openldap', run });
        expect(result.effects).toEqual([
          {
            kind: 'ldap',
            operation: 'modify',
            dn: dns.erin,
            changes: { replace: { pwdAccountLockedTime: [PERMANENT_LOCK] } },
          },
        ]);
        expect(JSON.stringify(result)).not.toContain(SLAPD_ADMIN_PASSWORD);
        expect(await attribute(dns.erin, 'pwdAccountLockedTime')).toBeUndefined();
      },
    );
  });

  describe('connectivity and settings', () => {
    it('testConnection binds and reads the base entry', async () => {
      const result = await LDAP_RESPONDER.testConnection!(config());
      expect(result).toEqual({
        ok: true,
        detail: `bound as ${SLAPD_ADMIN_DN}; read ${SLAPD_BASE_DN} (top)`,
      });
    });

    it('a wrong password fails the bind, not retryable, without the password in the message', async () => {
      const responder = LDAP_RESPONDER.create(config({}, 'wrong-password'), {});
      const error = await responderFailure(
        responder.execute({
          actionId: 'a',
          actionType: ActionType.DISABLE_USER,
          target: 'alice',
          params: {},
          context: { caseId: 'c' },
          mode: ResponderMode.Live,
        }),
      );
      expect(error.message).toBe('ldap: bind failed: InvalidCredentialsError (result code 49)');
      expect(error.retryable).toBe(false);
      expect((await LDAP_RESPONDER.testConnection!(config({}, 'wrong-password'))).ok).toBe(false);
    });

    it('a server that is down is a retryable failure', async () => {
      const down = LDAP_RESPONDER.create(
        { ...config(), settings: { ...config().settings, url: 'ldap://127.0.0.1:1' } },
        {},
      );
      const error = await responderFailure(down.testConnection());
      expect(error.retryable).toBe(true);
      expect(error.message).toContain('bind failed');
    });

    it('refuses a loopback directory unless OUTBOUND_ALLOW_CIDRS allows it (SSRF guard)', async () => {
      configureOutboundPolicy([]);
      try {
        const error = await responderFailure(disable('alice'));
        expect(error.message).toMatch(
          /^ldap: connect failed: Outbound connection to 127\.0\.0\.1 refused/,
        );
        expect(error.retryable).toBe(false);
      } finally {
        configureOutboundPolicy(['127.0.0.0/8']);
      }
    });

    it.each([
      [{ mode: 'novell' }, 'settings.mode'],
      [{ url: 'http://dc.example' }, 'settings.url'],
      [{ url: 'ldaps://dc.example', startTls: true }, 'settings.startTls'],
      [{ baseDn: '' }, 'settings.baseDn'],
    ])('refuses settings %j naming %s', (settings, field) => {
      const attempt = () => ldapSettings(config(settings));
      expect(attempt).toThrow(IntegrationSettingsError);
      expect(attempt).toThrow(field);
    });
  });
});
