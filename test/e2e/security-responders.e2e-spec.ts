import { actionCall, newCase, requestAction, waitForStatus } from '../factories/actions.factory';
import {
  expectSecretsHidden,
  putIntegration,
  testIntegration,
} from '../factories/integrations.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { CrowdStrikeFake } from '../fakes/crowdstrike.fake';
import { PaloAltoFake } from '../fakes/paloalto.fake';
import { sealAudit, expectAuditChainValid } from '../helpers/audit';
import {
  addPosixUser,
  SLAPD_ADMIN_DN,
  SLAPD_ADMIN_PASSWORD,
  SLAPD_BASE_DN,
  startSlapd,
  type SlapdServer,
} from '../helpers/slapd';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('Firewall, EDR and LDAP responders through the API (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let caseId: string;
  let slapd: SlapdServer;
  let erinDn: string;
  const pan = new PaloAltoFake().withGroup('minisoar-blocked');
  const falcon = new CrowdStrikeFake();

  const configure = (name: string, settings: Record<string, unknown>) =>
    putIntegration(t, users.ADMIN.token, name, { enabled: true, settings });

  /** Requested by the analyst, approved and executed by the approver; the final action. */
  async function approvedAndRun(actionType: string, target: string) {
    const action = await requestAction(t, users.ANALYST.token, caseId, {
      actionType,
      target,
      reason: 'e2e',
    });
    await actionCall(t, users.APPROVER.token, action.id, 'approve').expect(200);
    const executed = await actionCall(t, users.APPROVER.token, action.id, 'execute');
    expect([200, 202]).toContain(executed.status);
    return waitForStatus(t, users.ADMIN.token, action.id);
  }

  beforeAll(async () => {
    await Promise.all([pan.start(), falcon.start()]);
    slapd = await startSlapd();
    const admin = await slapd.admin();
    erinDn = await addPosixUser(admin, { uid: 'erin', mail: 'erin@example.test' });
    await admin.unbind();
    t = await startTestApp({ WORKERS: '1', ACTION_EXECUTE_WAIT_MS: '5000' });
    users = await createRoleUsers(t);
    await configure('firewall', {
      preset: 'paloalto',
      baseUrl: pan.url,
      group: 'minisoar-blocked',
      apiKey: pan.apiKey,
    });
    await configure('edr', {
      preset: 'crowdstrike',
      baseUrl: falcon.url,
      clientId: falcon.clientId,
      clientSecret: falcon.clientSecret,
    });
    await configure('ldap', {
      url: slapd.url,
      bindDn: SLAPD_ADMIN_DN,
      bindPassword: SLAPD_ADMIN_PASSWORD,
      baseDn: SLAPD_BASE_DN,
      mode: 'openldap',
    });
    caseId = await newCase(t, 'HIGH');
  });

  afterAll(async () => {
    await t?.close();
    await slapd?.stop();
    await Promise.all([pan.stop(), falcon.stop()]);
  });

  it('stores the three configurations without ever returning a secret', async () => {
    await expectSecretsHidden(t, users.ADMIN.token, [
      pan.apiKey,
      falcon.clientSecret,
      SLAPD_ADMIN_PASSWORD,
    ]);
  });

  it.each([
    ['firewall', 'PAN-OS answered show system info (PAN-OS 11.1.2)'],
    ['edr', 'CrowdStrike token issued and the device query answered'],
    ['ldap', `bound as ${SLAPD_ADMIN_DN}; read ${SLAPD_BASE_DN} (top)`],
  ])('POST /integrations/%s/test makes a harmless call', async (name, detail) => {
    const commits = pan.commits;
    expect(await testIntegration(t, users.ADMIN.token, name)).toEqual({ ok: true, detail });
    expect(pan.commits).toBe(commits);
  });

  it('BLOCK_IP goes to the PAN-OS firewall: object, group member, commit', async () => {
    const action = await approvedAndRun('BLOCK_IP', '203.0.113.50');

    expect(action.status).toBe('EXECUTED');
    expect(pan.running.groups.get('minisoar-blocked')?.has('minisoar-203.0.113.50')).toBe(true);
    expect(pan.commits).toBe(1);
    expect(action.output).toMatchObject({ preset: 'paloalto', object: 'minisoar-203.0.113.50' });
    expect(JSON.stringify(action)).not.toContain(pan.apiKey);
  });

  it('ISOLATE_HOST for a host the EDR does not know is FAILED with the reason', async () => {
    const action = await approvedAndRun('ISOLATE_HOST', 'ghost-host');
    expect(action.status).toBe('FAILED');
    expect(action.error).toContain('no device named "ghost-host" in CrowdStrike Falcon');
    expect(falcon.containRequests).toHaveLength(0);
  });

  it('ISOLATE_HOST contains the one matching device', async () => {
    falcon.addDevice('ws-042');
    const action = await approvedAndRun('ISOLATE_HOST', 'ws-042');
    expect(action.status).toBe('EXECUTED');
    expect(falcon.containRequests).toHaveLength(1);
    expect(falcon.devices[0].status).toBe('containment_pending');
  });

  it('DISABLE_USER locks the OpenLDAP account with ppolicy', async () => {
    const action = await approvedAndRun('DISABLE_USER', 'erin');
    expect(action.status).toBe('EXECUTED');
    const admin = await slapd.admin();
    const { searchEntries } = await admin.search(erinDn, {
      scope: 'base',
      attributes: ['pwdAccountLockedTime'],
    });
    await admin.unbind();
    expect(searchEntries[0].pwdAccountLockedTime).toBe('000001010000Z');
  });

  it('leaves a valid audit chain', async () => {
    await sealAudit(t);
    await expectAuditChainValid(t, users.AUDITOR.token);
  });
});
