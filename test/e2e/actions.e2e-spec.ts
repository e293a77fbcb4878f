import { putIntegration } from '../factories/integrations.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import {
  actionCall,
  getAction,
  newCase,
  requestAction,
  waitForStatus,
  type ActionView,
} from '../factories/actions.factory';
import { IptablesFake } from '../fakes/iptables.fake';
import { JiraFake } from '../fakes/jira.fake';
import { sealAudit, expectAuditChainValid } from '../helpers/audit';
import { waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { waitForProcessed } from '../helpers/alerts';
import { QueueService } from '../../src/queue/queue.service';
import { QueueName } from '../../src/queue/queue-names';
import { ActionReaper } from '../../src/modules/actions/execution/action-reaper';

const bearer = { type: 'bearer' } as const;
const rule = (ip: string) => ['INPUT', '-s', ip, '-j', 'DROP'];

// Worker outcomes are polled generously; nothing here asserts speed.
jest.setTimeout(90_000);

describe('Actions (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const iptables = new IptablesFake();

  const configureIptables = (settings: Record<string, unknown> = {}) =>
    putIntegration(t, users.ADMIN.token, 'iptables', {
      enabled: true,
      settings: { ...iptables.settings(), ...settings },
    });

  /** An approved BLOCK_IP, requested by the analyst and approved by the approver. */
  async function approvedBlock(caseId: string, target: string, params = {}): Promise<ActionView> {
    const action = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'BLOCK_IP',
      target,
      params,
    });
    await actionCall(t, users.APPROVER.token, action.id, 'approve').expect(200);
    return action;
  }

  async function auditEntries(entityId: string) {
    await sealAudit(t);
    return t.prisma.auditLog.findMany({ where: { entityId }, orderBy: { seq: 'asc' } });
  }

  beforeAll(async () => {
    t = await startTestApp({ WORKERS: '1', ACTION_EXECUTE_WAIT_MS: '5000' });
    users = await createRoleUsers(t);
    await configureIptables();
  });

  afterAll(async () => {
    await t.close();
    iptables.remove();
  });

  it('an analyst requests BLOCK_IP, may not approve it (403); an approver approves and executes it', async () => {
    const caseId = await newCase(t);
    const action = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'BLOCK_IP',
      target: '203.0.113.10',
      reason: 'C2 callbacks',
    });
    expect(action).toMatchObject({
      status: 'REQUESTED',
      requiresApproval: true,
      requiredApprovals: 1,
      requestedById: users.ANALYST.id,
      requestHash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    // Expiry is on by default: the request lapses APPROVAL_TTL_SECONDS after it was made.
    expect(new Date(action.expiresAt!).getTime() - new Date(action.createdAt).getTime()).toBe(
      86_400_000,
    );
    await actionCall(t, users.ANALYST.token, action.id, 'approve').expect(403);

    const approved = await actionCall(t, users.APPROVER.token, action.id, 'approve').expect(200);
    expect(approved.body).toMatchObject({
      status: 'APPROVED',
      approvals: [{ approverId: users.APPROVER.id }],
    });
    const executed = await actionCall(t, users.APPROVER.token, action.id, 'execute');
    expect([200, 202]).toContain(executed.status);
    const done = await waitForStatus(t, users.APPROVER.token, action.id);

    expect(done).toMatchObject({
      status: 'EXECUTED',
      mode: 'live',
      output: { responder: 'iptables', chain: 'INPUT', source: '203.0.113.10', changed: true },
      effects: [{ kind: 'exec', argv: [iptables.binary, '-w', '-I', ...rule('203.0.113.10')] }],
    });
    expect(iptables.calls()).toEqual([
      ['-w', '-C', ...rule('203.0.113.10')],
      ['-w', '-I', ...rule('203.0.113.10')],
    ]);
    expect(iptables.rules()).toEqual([`iptables ${rule('203.0.113.10').join(' ')}`]);

    const events = await t.prisma.caseEvent.findMany({
      where: { caseId },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((event) => [event.type, event.actorId])).toEqual([
      ['ACTION_REQUESTED', users.ANALYST.id],
      ['ACTION_DECIDED', users.APPROVER.id],
      ['ACTION_EXECUTED', users.APPROVER.id],
      ['ACTION_EXECUTED', null],
    ]);
    const audit = await auditEntries(action.id);
    expect(audit.map((entry) => [entry.action, entry.actorId, entry.data])).toEqual([
      [
        'action.requested',
        users.ANALYST.id,
        expect.objectContaining({ before: null, after: 'REQUESTED' }),
      ],
      [
        'action.approved',
        users.APPROVER.id,
        expect.objectContaining({ before: 'REQUESTED', after: 'APPROVED' }),
      ],
      [
        'action.execution_started',
        users.APPROVER.id,
        expect.objectContaining({ before: 'APPROVED', after: 'EXECUTING' }),
      ],
      [
        'action.executed',
        null,
        expect.objectContaining({ before: 'EXECUTING', after: 'EXECUTED' }),
      ],
    ]);
    expect(audit[0].ip).toEqual(expect.any(String));
  });

  it('a requester who is ADMIN cannot approve their own action (403); another approver can', async () => {
    const caseId = await newCase(t);
    const action = await requestAction(t, users.ADMIN.token, caseId, {
      actionType: 'DISABLE_USER',
      target: 'jdoe@corp.example.com',
    });
    const refused = await actionCall(t, users.ADMIN.token, action.id, 'approve').expect(403);
    expect(refused.body.code).toBe('ACTION_SELF_APPROVAL');
    await actionCall(t, users.APPROVER.token, action.id, 'approve').expect(200);
  });

  it('two concurrent executes run the responder once: one wins, the other gets 409', async () => {
    iptables.reset();
    const action = await approvedBlock(await newCase(t), '203.0.113.11');
    const answers = await Promise.all([
      actionCall(t, users.APPROVER.token, action.id, 'execute'),
      actionCall(t, users.ADMIN.token, action.id, 'execute'),
    ]);
    const statuses = answers.map((answer) => answer.status).sort();
    expect(statuses[1]).toBe(409);
    expect([200, 202]).toContain(statuses[0]);
    await waitForStatus(t, users.APPROVER.token, action.id);
    expect(iptables.callsOf('-I')).toEqual([['-w', '-I', ...rule('203.0.113.11')]]);
  });

  it('an action on a CRITICAL asset needs two different approvers', async () => {
    await t
      .http()
      .post('/assets')
      .auth(users.ADMIN.token, bearer)
      .send({ hostname: 'dc01.corp.example.com', ip: '10.20.0.5', criticality: 'CRITICAL' })
      .expect(201);
    const caseId = await newCase(t);
    const isolate = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'ISOLATE_HOST',
      target: 'DC01.corp.example.com',
    });
    expect(isolate).toMatchObject({ target: 'dc01.corp.example.com', requiredApprovals: 2 });
    const block = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'BLOCK_IP',
      target: '10.20.0.5',
    });
    expect(block.requiredApprovals).toBe(2);
    // Blocking a range that holds the critical server contains it too; a range beside it does not.
    const range = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'BLOCK_IP',
      target: '10.20.0.0/24',
    });
    expect(range.requiredApprovals).toBe(2);
    const beside = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'BLOCK_IP',
      target: '10.20.1.0/24',
    });
    expect(beside.requiredApprovals).toBe(1);

    const first = await actionCall(t, users.APPROVER.token, isolate.id, 'approve').expect(200);
    expect(first.body).toMatchObject({ status: 'REQUESTED', approvals: [{}] });
    const again = await actionCall(t, users.APPROVER.token, isolate.id, 'approve').expect(409);
    expect(again.body.code).toBe('ACTION_ALREADY_APPROVED_BY_YOU');
    await actionCall(t, users.APPROVER.token, isolate.id, 'execute').expect(409);
    const second = await actionCall(t, users.ADMIN.token, isolate.id, 'approve').expect(200);
    expect(second.body).toMatchObject({ status: 'APPROVED', approvals: [{}, {}] });

    await actionCall(t, users.APPROVER.token, isolate.id, 'execute');
    const done = await waitForStatus(t, users.APPROVER.token, isolate.id);
    expect(done).toMatchObject({
      status: 'EXECUTED',
      output: {
        responder: 'edr',
        preset: 'simulator',
        hostname: 'dc01.corp.example.com',
        status: 'contained',
      },
    });
  });

  it('refuses to execute an action whose params changed in the database after approval (409)', async () => {
    iptables.reset();
    const action = await approvedBlock(await newCase(t), '203.0.113.12');
    await t.prisma
      .$executeRaw`UPDATE actions SET params = '{"durationSeconds": 5}' WHERE id = ${action.id}::uuid`;
    const refused = await actionCall(t, users.APPROVER.token, action.id, 'execute').expect(409);
    expect(refused.body.code).toBe('ACTION_CHANGED_SINCE_APPROVAL');
    expect((await getAction(t, users.APPROVER.token, action.id)).status).toBe('APPROVED');
    expect(iptables.calls()).toEqual([]);
    // Re-hashing the row does not help: the approval still binds to what was approved.
    await t.prisma
      .$executeRaw`UPDATE actions SET target = '203.0.113.99', request_hash = NULL WHERE id = ${action.id}::uuid`;
    await actionCall(t, users.APPROVER.token, action.id, 'execute').expect(409);
    const audit = await auditEntries(action.id);
    expect(audit.map((entry) => entry.action)).toContain('action.execution_refused');
  });

  describe('expiry', () => {
    const lapse = (id: string, when: string) =>
      t.prisma.$executeRawUnsafe(
        `UPDATE actions SET expires_at = now() + interval '${when}' WHERE id = $1::uuid`,
        id,
      );

    it('the scheduled sweep expires a request whose TTL ran out, audited', async () => {
      const action = await requestAction(t, users.ANALYST.token, await newCase(t), {
        actionType: 'BLOCK_IP',
        target: '203.0.113.13',
      });
      await lapse(action.id, '1 second');
      const queue = t.app.get(QueueService);
      const expired = await waitFor(
        'the sweep to expire the request',
        async () => {
          await queue.send(QueueName.ExpireActions, {});
          const current = await getAction(t, users.ANALYST.token, action.id);
          return current.status === 'EXPIRED' ? current : undefined;
        },
        60_000,
        1_000,
      );
      expect(expired.status).toBe('EXPIRED');
      const audit = await auditEntries(action.id);
      expect(audit.at(-1)).toMatchObject({
        action: 'action.expired',
        actorId: null,
        data: expect.objectContaining({ before: 'REQUESTED', after: 'EXPIRED' }),
      });
      await actionCall(t, users.APPROVER.token, action.id, 'approve').expect(409);
    });

    it('an overdue request or approval is expired when used, even before the sweep runs', async () => {
      const caseId = await newCase(t);
      const requested = await requestAction(t, users.ANALYST.token, caseId, {
        actionType: 'BLOCK_IP',
        target: '203.0.113.14',
      });
      await lapse(requested.id, '-1 second');
      const late = await actionCall(t, users.APPROVER.token, requested.id, 'approve').expect(409);
      expect(late.body.code).toBe('ACTION_EXPIRED');
      expect((await getAction(t, users.APPROVER.token, requested.id)).status).toBe('EXPIRED');

      const approved = await approvedBlock(caseId, '203.0.113.15');
      const view = await getAction(t, users.APPROVER.token, approved.id);
      // Approved, it has EXECUTION_TTL_SECONDS to run.
      expect(new Date(view.expiresAt!).getTime()).toBeGreaterThan(Date.now() + 3_000_000);
      await lapse(approved.id, '-1 second');
      const tooLate = await actionCall(t, users.APPROVER.token, approved.id, 'execute').expect(409);
      expect(tooLate.body.code).toBe('ACTION_EXPIRED');
      expect((await getAction(t, users.APPROVER.token, approved.id)).status).toBe('EXPIRED');
    });
  });

  it('lifts a timed block by itself: the system requests and runs UNBLOCK_IP on the same case', async () => {
    iptables.reset();
    const caseId = await newCase(t);
    const block = await approvedBlock(caseId, '198.51.100.20', { durationSeconds: 1 });
    await actionCall(t, users.APPROVER.token, block.id, 'execute');
    await waitForStatus(t, users.APPROVER.token, block.id);
    const unblock = await waitFor(
      'the system to lift the block',
      async () => {
        const { body } = await t
          .http()
          .get(`/actions?caseId=${caseId}&actionType=UNBLOCK_IP`)
          .auth(users.AUDITOR.token, bearer)
          .expect(200);
        const found = (body.items as ActionView[])[0];
        return found?.status === 'EXECUTED' || found?.status === 'FAILED' ? found : undefined;
      },
      60_000,
    );
    expect(unblock).toMatchObject({
      status: 'EXECUTED',
      target: '198.51.100.20',
      unblockOfId: block.id,
      requestedById: null,
      requiresApproval: false,
      effects: [{ kind: 'exec', argv: [iptables.binary, '-w', '-D', ...rule('198.51.100.20')] }],
    });
    expect(iptables.rules()).toEqual([]);
    const audit = await auditEntries(unblock.id);
    expect(audit[0]).toMatchObject({ action: 'action.requested', actorId: null });
  });

  it('keeps the error of a FAILED action; an ADMIN retries it', async () => {
    await configureIptables({ binary: '/nonexistent/iptables' });
    const action = await approvedBlock(await newCase(t), '203.0.113.16');
    await actionCall(t, users.APPROVER.token, action.id, 'execute');
    const failed = await waitForStatus(t, users.APPROVER.token, action.id);
    expect(failed).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('/nonexistent/iptables not found'),
      output: { responder: 'iptables', retryable: false },
    });

    await configureIptables();
    await t
      .http()
      .post(`/actions/${action.id}/retry`)
      .auth(users.APPROVER.token, bearer)
      .expect(403);
    const retried = await t
      .http()
      .post(`/actions/${action.id}/retry`)
      .auth(users.ADMIN.token, bearer);
    expect([200, 202]).toContain(retried.status);
    expect(await waitForStatus(t, users.ADMIN.token, action.id)).toMatchObject({
      status: 'EXECUTED',
      error: null,
    });
    await t.http().post(`/actions/${action.id}/retry`).auth(users.ADMIN.token, bearer).expect(409);
  });

  describe('an execution whose queue job is lost', () => {
    /** EXECUTING since an hour ago, longer than ACTION_EXECUTION_TIMEOUT_SECONDS (900). */
    const stuck = (id: string) =>
      t.prisma.$executeRawUnsafe(
        `UPDATE actions SET status = 'EXECUTING', expires_at = NULL,
           started_at = now() - interval '1 hour' WHERE id = $1::uuid`,
        id,
      );
    const reap = () => t.app.get(ActionReaper).sweep();

    it('becomes FAILED (audited as the system, on the timeline) and an ADMIN retries it', async () => {
      await configureIptables();
      const caseId = await newCase(t);
      const lost = await approvedBlock(caseId, '203.0.113.40');
      await stuck(lost.id);
      await reap();
      const failed = await getAction(t, users.ADMIN.token, lost.id);
      expect(failed).toMatchObject({
        status: 'FAILED',
        error: expect.stringMatching(
          /^execution job lost: no action\.execute job found; EXECUTING since /,
        ),
        output: { responder: null, retryable: true, jobId: null },
      });
      expect((await auditEntries(lost.id)).at(-1)).toMatchObject({
        action: 'action.failed',
        actorType: 'system',
        actorLabel: 'action-reaper',
        actorId: null,
        data: expect.objectContaining({ before: 'EXECUTING', after: 'FAILED', caseId }),
      });
      const { body: detail } = await t
        .http()
        .get(`/cases/${caseId}`)
        .auth(users.ANALYST.token, bearer)
        .expect(200);
      expect(detail.timeline).toContainEqual(
        expect.objectContaining({
          type: 'ACTION_EXECUTED',
          data: expect.objectContaining({
            actionId: lost.id,
            before: 'EXECUTING',
            after: 'FAILED',
          }),
        }),
      );

      iptables.reset();
      const retried = await t
        .http()
        .post(`/actions/${lost.id}/retry`)
        .auth(users.ADMIN.token, bearer);
      expect([200, 202]).toContain(retried.status);
      expect(await waitForStatus(t, users.ADMIN.token, lost.id)).toMatchObject({
        status: 'EXECUTED',
        error: null,
      });
      expect(iptables.rules()).toEqual([`iptables ${rule('203.0.113.40').join(' ')}`]);
    });

    it('is left alone while its job is queued, and failed once the job has failed', async () => {
      const action = await approvedBlock(await newCase(t), '203.0.113.41');
      await stuck(action.id);
      // A retry waiting an hour: the job is alive, so the action keeps waiting for it.
      const jobId = await t.app
        .get(QueueService)
        .send(
          QueueName.ExecuteAction,
          { actionId: action.id },
          { singletonKey: action.id, startAfter: 3600 },
        );
      await reap();
      expect((await getAction(t, users.ADMIN.token, action.id)).status).toBe('EXECUTING');

      // Every try failed outside the responder.
      await t.prisma.$executeRawUnsafe(
        `UPDATE pgboss.job SET state = 'failed', output = '{"message":"connection terminated"}'
          WHERE name = $1 AND id = $2::uuid`,
        QueueName.ExecuteAction,
        jobId,
      );
      await reap();
      expect(await getAction(t, users.ADMIN.token, action.id)).toMatchObject({
        status: 'FAILED',
        error: expect.stringMatching(
          new RegExp(
            `^execution job lost: job ${jobId} failed: connection terminated; EXECUTING since `,
          ),
        ),
        output: { jobId },
      });
    });
  });

  it('runs notifications at once; with no responder configured they fail with the reason', async () => {
    const action = await requestAction(t, users.ANALYST.token, await newCase(t), {
      actionType: 'NOTIFY_TEAMS',
      target: 'SOC channel',
    });
    expect(action).toMatchObject({ requiresApproval: false, expiresAt: null });
    // Straight to execution: the worker may already have finished it when the answer is read.
    expect(['EXECUTING', 'FAILED']).toContain(action.status);
    expect(await waitForStatus(t, users.ANALYST.token, action.id)).toMatchObject({
      status: 'FAILED',
      error: expect.stringContaining('no responder is configured for NOTIFY_TEAMS'),
    });
  });

  it('stores the key and URL of the ticket a CREATE_TICKET opened on its case', async () => {
    const jira = await new JiraFake().start();
    try {
      await putIntegration(t, users.ADMIN.token, 'jira', {
        enabled: true,
        settings: jira.settings(),
      });
      const caseId = await newCase(t);
      const action = await requestAction(t, users.ANALYST.token, caseId, {
        actionType: 'CREATE_TICKET',
        target: 'SEC',
      });
      const done = await waitForStatus(t, users.ANALYST.token, action.id);
      expect(done).toMatchObject({
        status: 'EXECUTED',
        output: { key: expect.stringMatching(/^SEC-/) },
      });
      expect(await t.prisma.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
        ticketKey: done.output!.key,
        ticketUrl: done.output!.url,
      });
    } finally {
      await jira.stop();
    }
  });

  it('rejects a request; it can no longer be approved', async () => {
    const action = await requestAction(t, users.ANALYST.token, await newCase(t), {
      actionType: 'ISOLATE_HOST',
      target: 'ws-17',
    });
    await actionCall(t, users.APPROVER.token, action.id, 'reject', {}).expect(400);
    const rejected = await actionCall(t, users.APPROVER.token, action.id, 'reject', {
      reason: 'Known scanner',
    }).expect(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', decisionReason: 'Known scanner' });
    await actionCall(t, users.ADMIN.token, action.id, 'approve').expect(409);
  });

  it('checks targets per type (400), refuses allow-listed ones (422) and unknown cases (404)', async () => {
    const caseId = await newCase(t);
    const refused = async (body: object, status: number, code?: string) => {
      const response = await t
        .http()
        .post(`/cases/${caseId}/actions`)
        .auth(users.ANALYST.token, bearer)
        .send(body);
      expect({ body, status: response.status }).toEqual({ body, status });
      if (code) expect(response.body.code).toBe(code);
    };
    for (const [actionType, target] of [
      ['BLOCK_IP', '0.0.0.0/0'],
      ['BLOCK_IP', '::/0'],
      ['BLOCK_IP', '10.0.0.0/8'],
      ['BLOCK_IP', 'evil.example'],
      ['UNBLOCK_IP', '2001:db8::/32'],
      ['DISABLE_USER', 'j doe'],
      ['ISOLATE_HOST', 'host name'],
      ['NOTIFY_EMAIL', 'not-an-email'],
      ['NOTIFY_SLACK', 'general'],
      ['CREATE_TICKET', 'soc'],
    ])
      await refused({ actionType, target }, 400, 'ACTION_TARGET_INVALID');
    await refused(
      { actionType: 'NOTIFY_SLACK', target: '#soc', params: { durationSeconds: 5 } },
      400,
    );
    await refused(
      { actionType: 'BLOCK_IP', target: '203.0.113.9', params: { durationSeconds: 0 } },
      400,
    );
    await refused({ actionType: 'REBOOT', target: 'x' }, 400);
    await refused({ actionType: 'BLOCK_IP' }, 400);
    await refused({ actionType: 'BLOCK_IP', target: '203.0.113.9', extra: 1 }, 400);

    await t
      .http()
      .post('/allowlist')
      .auth(users.ADMIN.token, bearer)
      .send({ type: 'cidr', value: '192.0.2.0/24', reason: 'Partner' })
      .expect(201);
    await refused(
      { actionType: 'BLOCK_IP', target: '192.0.2.7' },
      422,
      'ACTION_TARGET_ALLOWLISTED',
    );
    await refused({ actionType: 'BLOCK_IP', target: '192.0.2.128/25' }, 422);
    await t
      .http()
      .post('/cases/00000000-0000-4000-8000-000000000000/actions')
      .auth(users.ANALYST.token, bearer)
      .send({ actionType: 'BLOCK_IP', target: '203.0.113.9' })
      .expect(404);
  });

  describe('POST /api/v1/alerts/:alertId/actions/:actionName', () => {
    const ingest = async (body: object): Promise<string> => {
      const { body: accepted } = await t
        .http()
        .post('/alerts/webhook?source=generic')
        .auth(users.ANALYST.token, bearer)
        .send(body)
        .expect(202);
      const alertId = (accepted as { alertId: string }).alertId;
      await waitForProcessed(t, users.ANALYST.token, alertId);
      return alertId;
    };

    it('targets the alert’s srcIp by default and opens a case when the alert has none', async () => {
      const alertId = await ingest({
        title: 'Low noise',
        severity: 'low',
        src_ip: '203.0.113.177',
      });
      expect(
        (await t.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).caseId,
      ).toBeNull();
      const { body } = await t
        .http()
        .post(`/api/v1/alerts/${alertId}/actions/block_ip`)
        .auth(users.ANALYST.token, bearer)
        .send({ parameters: { durationSeconds: 600, reason: 'From the alert' } })
        .expect(201);
      expect(body).toMatchObject({
        actionType: 'BLOCK_IP',
        target: '203.0.113.177',
        status: 'REQUESTED',
        alertId,
        caseId: expect.any(String),
        params: { durationSeconds: 600 },
        reason: 'From the alert',
      });
      expect((await t.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).caseId).toBe(
        body.caseId,
      );
      const again = await t
        .http()
        .post(`/api/v1/alerts/${alertId}/actions/block_ip`)
        .auth(users.ANALYST.token, bearer)
        .send({ parameters: { target: '203.0.113.178' } })
        .expect(201);
      expect(again.body).toMatchObject({ caseId: body.caseId, target: '203.0.113.178' });
    });

    it('answers 400 when the alert names no target, 404 for an unknown action or alert', async () => {
      const alertId = await ingest({ title: 'No addresses here', severity: 'low' });
      const missing = await t
        .http()
        .post(`/api/v1/alerts/${alertId}/actions/block_ip`)
        .auth(users.ANALYST.token, bearer)
        .send({})
        .expect(400);
      expect(missing.body.message).toContain('the alert names no srcIp');
      expect(
        (await t.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).caseId,
      ).toBeNull();
      await t
        .http()
        .post(`/api/v1/alerts/${alertId}/actions/reboot_host`)
        .auth(users.ANALYST.token, bearer)
        .send({})
        .expect(404);
      await t
        .http()
        .post('/api/v1/alerts/00000000-0000-4000-8000-000000000000/actions/block_ip')
        .auth(users.ANALYST.token, bearer)
        .send({})
        .expect(404);
      await t
        .http()
        .post(`/api/v1/alerts/${alertId}/actions/block_ip`)
        .auth(users.AUDITOR.token, bearer)
        .send({})
        .expect(403);
    });
  });

  it('lists actions with filters and keeps the audit chain valid', async () => {
    const { body } = await t
      .http()
      .get('/actions?actionType=BLOCK_IP&status=EXECUTED&limit=2')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(body).toMatchObject({ page: 1, limit: 2, total: expect.any(Number) });
    expect(body.total).toBeGreaterThanOrEqual(3);
    expect(body.items).toHaveLength(2);
    for (const item of body.items as ActionView[])
      expect(item).toMatchObject({ actionType: 'BLOCK_IP', status: 'EXECUTED' });
    await t.http().get('/actions?status=DONE').auth(users.AUDITOR.token, bearer).expect(400);
    await expectAuditChainValid(t, users.AUDITOR.token);
  });
});
