import { expectAuditChainValid } from '../helpers/audit';
import { putIntegration } from '../factories/integrations.factory';
import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import { actionCall, newCase, requestAction } from '../factories/actions.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { IptablesFake } from '../fakes/iptables.fake';
import { startServerProcess, stopProcess, waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';

const TARGET = '203.0.113.90';
const bearer = { type: 'bearer' } as const;

describe('Server killed while a responder runs (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const iptables = new IptablesFake();
  const servers: ChildProcess[] = [];

  const serverEnv = () => ({
    DATABASE_URL: t.databaseUrl,
    WORKERS: '1',
    // The fake is found on PATH as plain `iptables` (the integration's default binary).
    PATH: iptables.pathEnv(),
    ACTION_EXECUTE_WAIT_MS: '0',
    // The shortest heartbeat pg-boss allows, checked every second: the dead server's job is
    // handed over in seconds.
    QUEUE_HEARTBEAT_SECONDS: '10',
    QUEUE_MONITOR_INTERVAL_SECONDS: '1',
  });

  beforeAll(async () => {
    t = await startTestApp({ QUEUE_HEARTBEAT_SECONDS: '10' });
    users = await createRoleUsers(t);
    await putIntegration(t, users.ADMIN.token, 'iptables', { enabled: true });
  });

  afterAll(async () => {
    for (const server of servers) await stopProcess(server, 'SIGKILL');
    await t.close();
    iptables.remove();
  });

  it('ends EXECUTED after a SIGKILL mid-insert and a restart, with exactly one rule', async () => {
    const action = await requestAction(t, users.ANALYST.token, await newCase(t), {
      actionType: 'BLOCK_IP',
      target: TARGET,
    });
    await actionCall(t, users.APPROVER.token, action.id, 'approve').expect(200);
    iptables.hangNextInsert();

    const first = await startServerProcess(serverEnv());
    servers.push(first.child);
    await request(first.url)
      .patch(`/actions/${action.id}/execute`)
      .auth(users.APPROVER.token, bearer)
      .expect(202);
    await waitFor('the insert to hang', () => Promise.resolve(iptables.hungPid() !== null));
    expect(iptables.rules()).toEqual([`iptables INPUT -s ${TARGET} -j DROP`]);
    await stopProcess(first.child, 'SIGKILL');

    const second = await startServerProcess(serverEnv());
    servers.push(second.child);
    const done = await waitFor(
      'the action to finish on the restarted server',
      async () => {
        const row = await t.prisma.action.findUniqueOrThrow({ where: { id: action.id } });
        return row.status === 'EXECUTED' || row.status === 'FAILED' ? row : undefined;
      },
      90_000,
    );

    expect(done).toMatchObject({
      status: 'EXECUTED',
      output: expect.objectContaining({ alreadyDone: true, changed: false }),
    });
    expect(iptables.rules()).toEqual([`iptables INPUT -s ${TARGET} -j DROP`]);
    expect(iptables.callsOf('-I')).toHaveLength(1);
    expect(iptables.callsOf('-C').length).toBeGreaterThanOrEqual(2);
    await expectAuditChainValid(t, users.AUDITOR.token);
  }, 150_000);
});
