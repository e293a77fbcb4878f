import { expectAuditChainValid } from '../helpers/audit';
import { putIntegration } from '../factories/integrations.factory';
import { actionCall, newCase, requestAction, waitForStatus } from '../factories/actions.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { IptablesFake } from '../fakes/iptables.fake';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('NOTIFY_ONLY=true (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const iptables = new IptablesFake();

  beforeAll(async () => {
    t = await startTestApp({ WORKERS: '1', NOTIFY_ONLY: 'true' });
    users = await createRoleUsers(t);
    await putIntegration(t, users.ADMIN.token, 'iptables', {
      enabled: true,
      settings: iptables.settings(),
    });
  });

  afterAll(async () => {
    await t.close();
    iptables.remove();
  });

  async function runApproved(body: Record<string, unknown>) {
    const action = await requestAction(t, users.ANALYST.token, await newCase(t), body);
    await actionCall(t, users.APPROVER.token, action.id, 'approve').expect(200);
    await actionCall(t, users.APPROVER.token, action.id, 'execute');
    return waitForStatus(t, users.APPROVER.token, action.id);
  }

  it('records the exact iptables argv of a BLOCK_IP and changes nothing', async () => {
    const done = await runApproved({ actionType: 'BLOCK_IP', target: '203.0.113.30' });
    expect(done).toMatchObject({
      status: 'EXECUTED',
      mode: 'notify-only',
      effects: [
        {
          kind: 'exec',
          argv: [iptables.binary, '-w', '-I', 'INPUT', '-s', '203.0.113.30', '-j', 'DROP'],
        },
      ],
    });
    expect(iptables.calls()).toEqual([]);
    expect(iptables.rules()).toEqual([]);
  });

  it('records an isolation without containing the host', async () => {
    const done = await runApproved({ actionType: 'ISOLATE_HOST', target: 'ws-notify-only' });
    expect(done).toMatchObject({
      status: 'EXECUTED',
      mode: 'notify-only',
      effects: [{ kind: 'http', method: 'POST' }],
    });
    expect(done.output).not.toHaveProperty('containedBy');
    await expectAuditChainValid(t, users.AUDITOR.token);
  });
});
