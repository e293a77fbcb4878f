import type { ChildProcess } from 'node:child_process';
import { actionCall, newCase } from '../factories/actions.factory';
import { putIntegration } from '../factories/integrations.factory';
import { seedPlaybook } from '../factories/playbook-runs.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { IptablesFake } from '../fakes/iptables.fake';
import { sealAudit } from '../helpers/audit';
import { startServerProcess, stopProcess, waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';

const TARGET = '203.0.113.91';
const bearer = { type: 'bearer' } as const;

describe('Worker killed while a playbook run is parked and mid-step (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const iptables = new IptablesFake();
  const servers: ChildProcess[] = [];

  // The test app (no workers) is the API; worker processes come and go.
  const startWorker = async () => {
    const server = await startServerProcess({
      DATABASE_URL: t.databaseUrl,
      WORKERS: '1',
      PATH: iptables.pathEnv(),
      // The shortest heartbeat pg-boss allows, checked every second: a dead worker's job is
      // handed over in seconds.
      QUEUE_HEARTBEAT_SECONDS: '10',
      QUEUE_MONITOR_INTERVAL_SECONDS: '1',
    });
    servers.push(server.child);
    return server.child;
  };

  const runRow = (id: string) => t.prisma.playbookRun.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    t = await startTestApp({ ACTION_EXECUTE_WAIT_MS: '0' });
    users = await createRoleUsers(t);
    await putIntegration(t, users.ADMIN.token, 'iptables', { enabled: true });
  });

  afterAll(async () => {
    for (const server of servers) await stopProcess(server, 'SIGKILL');
    await t.close();
    iptables.remove();
  });

  it('finishes exactly once after SIGKILLs, and no step acts twice', async () => {
    const playbookId = await seedPlaybook(t, users.ANALYST.token, {
      name: 'Block and note',
      steps: [
        { id: 'block', action: 'block_ip', params: { target: TARGET } },
        {
          id: 'note',
          action: 'add_note',
          params: { note: 'blocked {{steps.block.output.actionId}}' },
        },
      ],
    });
    const caseId = await newCase(t);
    const started = await t
      .http()
      .post(`/playbooks/${playbookId}/run`)
      .auth(users.ANALYST.token, bearer)
      .send({ caseId })
      .expect(201);
    const runId = (started.body as { id: string }).id;

    // A worker runs it to the approval gate, then dies while it is parked.
    const first = await startWorker();
    await waitFor('the run to park', async () =>
      (await runRow(runId)).status === 'WAITING_APPROVAL' ? true : undefined,
    );
    await stopProcess(first, 'SIGKILL');
    const [action] = await t.prisma.action.findMany({ where: { playbookRunId: runId } });
    await actionCall(t, users.APPROVER.token, action.id, 'approve').expect(200);
    iptables.hangNextInsert();
    await actionCall(t, users.APPROVER.token, action.id, 'execute').expect(202);

    // The next worker dies mid-step: the firewall insert hangs.
    const second = await startWorker();
    await waitFor('the insert to hang', () => Promise.resolve(iptables.hungPid() ?? undefined));
    await stopProcess(second, 'SIGKILL');

    await startWorker();
    const done = await waitFor(
      'the run to finish on the restarted worker',
      async () => {
        const run = await runRow(runId);
        return ['COMPLETED', 'FAILED'].includes(run.status) ? run : undefined;
      },
      90_000,
    );
    expect(done.status).toBe('COMPLETED');
    const steps = await t.prisma.playbookRunStep.findMany({
      where: { runId },
      orderBy: { stepIndex: 'asc' },
    });
    expect(steps.map((s) => [s.stepId, s.status])).toEqual([
      ['block', 'SUCCEEDED'],
      ['note', 'SUCCEEDED'],
    ]);
    expect(await t.prisma.action.count({ where: { playbookRunId: runId } })).toBe(1);
    expect(iptables.callsOf('-I')).toHaveLength(1);
    expect(iptables.rules()).toEqual([`iptables INPUT -s ${TARGET} -j DROP`]);
    const notes = await t.prisma.caseEvent.findMany({ where: { caseId, type: 'PLAYBOOK_RUN' } });
    expect(notes.filter((e) => (e.data as { note?: string }).note)).toHaveLength(1);

    await sealAudit(t);
    const finished = await t.prisma.auditLog.count({
      where: { entityId: runId, action: 'playbook_run.finished' },
    });
    expect(finished).toBe(1);
    const verify = await t
      .http()
      .get('/audit/verify')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(verify.body).toMatchObject({ valid: true });
  }, 180_000);
});
