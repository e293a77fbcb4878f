import { actionCall, newCase, waitForStatus } from '../factories/actions.factory';
import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { putIntegration } from '../factories/integrations.factory';
import { getRun, seedPlaybook, waitForRun, type RunView } from '../factories/playbook-runs.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { IptablesFake } from '../fakes/iptables.fake';
import { waitForProcessed } from '../helpers/alerts';
import { sealAudit } from '../helpers/audit';
import { waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { AlertPipeline } from '../../src/orchestration';
import { loadExamples, readExamples } from '../../scripts/lib/playbook-examples';
import { Database } from '../../src/database/database';
import { PlaybookRunReaper } from '../../src/orchestration/playbooks/playbook-run.reaper';
import { PlaybookRunsRepository } from '../../src/orchestration/playbooks/playbook-runs.repository';

const bearer = { type: 'bearer' } as const;

// Worker outcomes are polled generously; nothing here asserts speed.
jest.setTimeout(120_000);

/** Blocks the alert's source IP (approval always: BLOCK_IP), then notes it on the case. */
const BLOCK_AND_NOTE = {
  name: 'Block brute force source',
  mode: 'live',
  trigger: { severities: ['HIGH', 'CRITICAL'], sources: ['wazuh'] },
  steps: [
    {
      id: 'block',
      action: 'block_ip',
      params: { target: '{{alert.normalized.srcIp}}', reason: 'Brute force: {{alert.title}}' },
    },
    {
      id: 'note',
      action: 'add_note',
      params: { note: 'Blocked by action {{steps.block.output.actionId}}' },
    },
    {
      id: 'never',
      action: 'add_note',
      if: { field: 'riskScore', op: 'lt', value: 0 },
      params: { note: 'x' },
    },
  ],
};

describe('Playbook runs (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let key: string;
  let playbookId: string;
  const iptables = new IptablesFake();

  const ingest = async (srcip: string) => {
    const { alertId } = (
      await t
        .http()
        .post('/alerts/webhook/wazuh')
        .set('x-api-key', key)
        .send(wazuhAlert({ data: { srcip, srcport: '51234', srcuser: 'admin' } }))
        .expect(202)
    ).body as { alertId: string };
    await waitForProcessed(t, users.ANALYST.token, alertId);
    return alertId;
  };

  const startRun = async (id: string, body: object, token = users.ANALYST.token) =>
    (await t.http().post(`/playbooks/${id}/run`).auth(token, bearer).send(body).expect(201))
      .body as RunView;

  beforeAll(async () => {
    t = await startTestApp({
      WORKERS: '1',
      ACTION_EXECUTE_WAIT_MS: '5000',
      PLAYBOOK_MAX_FOR_EACH: '2',
    });
    users = await createRoleUsers(t);
    key = (await createIngestKey(t, users.ADMIN.token)).key;
    await putIntegration(t, users.ADMIN.token, 'iptables', {
      enabled: true,
      settings: iptables.settings(),
    });
    playbookId = await seedPlaybook(t, users.ANALYST.token, BLOCK_AND_NOTE);
  });

  afterAll(async () => {
    await t.close();
    iptables.remove();
  });

  it('parks on the approval, resumes when the action is executed, and shows it everywhere', async () => {
    const alertId = await ingest('203.0.113.45');
    const parked = await startRun(playbookId, { alertId });
    expect(parked).toMatchObject({ status: 'WAITING_APPROVAL', version: 1, trigger: 'manual' });
    expect(parked.steps).toEqual([
      expect.objectContaining({
        stepId: 'block',
        status: 'WAITING',
        renderedParams: { target: '203.0.113.45', reason: expect.stringContaining('Brute force') },
        actionId: expect.any(String),
      }),
    ]);
    const actionId = parked.steps![0].actionId!;
    expect(iptables.calls()).toEqual([]);

    await actionCall(t, users.APPROVER.token, actionId, 'approve').expect(200);
    await actionCall(t, users.APPROVER.token, actionId, 'execute').expect(200);
    await waitForStatus(t, users.APPROVER.token, actionId, ['EXECUTED']);
    const done = await waitForRun(t, users.AUDITOR.token, parked.id, ['COMPLETED']);

    expect(iptables.calls()).toContainEqual(expect.arrayContaining(['203.0.113.45']));
    expect(done.steps!.map((s) => [s.stepId, s.status])).toEqual([
      ['block', 'SUCCEEDED'],
      ['note', 'SUCCEEDED'],
      ['never', 'SKIPPED'],
    ]);
    expect(done.steps![1].renderedParams).toEqual({ note: `Blocked by action ${actionId}` });
    expect(done.caseId).toEqual(expect.any(String));

    // History: the playbook's runs, and the list across playbooks by status (any case).
    const mine = await t
      .http()
      .get(`/playbooks/${playbookId}/runs`)
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect((mine.body as { items: RunView[] }).items.map((r) => r.id)).toContain(parked.id);
    const completed = await t
      .http()
      .get('/playbook-runs?status=completed')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect((completed.body as { items: RunView[] }).items.map((r) => r.id)).toContain(parked.id);

    // The case timeline and the audit log.
    const events = await t.prisma.caseEvent.findMany({
      where: { caseId: done.caseId!, type: 'PLAYBOOK_RUN' },
      orderBy: { createdAt: 'asc' },
    });
    expect(events.map((e) => (e.data as { status?: string }).status)).toEqual(
      expect.arrayContaining(['COMPLETED']),
    );
    await sealAudit(t);
    const audit = await t.prisma.auditLog.findMany({ where: { entityId: parked.id } });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'playbook_run.finished',
      'playbook_run.started',
    ]);
  });

  it('ends REJECTED when the approver turns the action down', async () => {
    const alertId = await ingest('203.0.113.46');
    const parked = await startRun(playbookId, { alertId });
    const actionId = parked.steps![0].actionId!;
    await actionCall(t, users.APPROVER.token, actionId, 'reject', { reason: 'a partner' }).expect(
      200,
    );
    const ended = await waitForRun(t, users.AUDITOR.token, parked.id, ['REJECTED']);
    expect(ended.steps).toEqual([
      expect.objectContaining({
        stepId: 'block',
        status: 'FAILED',
        error: expect.stringContaining('a partner'),
      }),
    ]);
  });

  it('a run keeps the version it started with when the playbook changes while it waits', async () => {
    const steps = (note: string) => [
      { id: 'block', action: 'block_ip', params: { target: '{{alert.normalized.srcIp}}' } },
      { id: 'note', action: 'add_note', params: { note } },
    ];
    const pinnedId = await seedPlaybook(t, users.ANALYST.token, {
      name: 'Pinned version',
      steps: steps('written by version 1'),
    });
    const alertId = await ingest('203.0.113.46');
    const parked = await startRun(pinnedId, { alertId });
    expect(parked).toMatchObject({ status: 'WAITING_APPROVAL', version: 1 });

    await t
      .http()
      .put(`/playbooks/${pinnedId}`)
      .auth(users.ANALYST.token, bearer)
      .send({ name: 'Pinned version', steps: steps('written by version 2') })
      .expect(200);
    const actionId = parked.steps![0].actionId!;
    await actionCall(t, users.APPROVER.token, actionId, 'approve').expect(200);
    await actionCall(t, users.APPROVER.token, actionId, 'execute').expect(200);
    const done = await waitForRun(t, users.AUDITOR.token, parked.id, ['COMPLETED']);
    expect(done.version).toBe(1);
    expect(done.steps![1].renderedParams).toEqual({ note: 'written by version 1' });

    const next = await startRun(pinnedId, { alertId, dryRun: true });
    expect(next.version).toBe(2);
  });

  it('a dry run records the exact request each step would make and changes nothing', async () => {
    const alertId = await ingest('203.0.113.47');
    const before = await t.prisma.action.count();
    const firewallCalls = iptables.calls().length;
    const run = await startRun(playbookId, { alertId, dryRun: true });
    const done =
      run.status === 'COMPLETED'
        ? run
        : await waitForRun(t, users.AUDITOR.token, run.id, ['COMPLETED']);
    expect(done.dryRun).toBe(true);
    expect(done.steps![0].output).toEqual({
      dryRun: true,
      wouldRequest: {
        actionType: 'BLOCK_IP',
        target: '203.0.113.47',
        params: {},
        reason: expect.any(String),
      },
      requiresApproval: true,
      // The exact command the iptables responder would run, and it was not run.
      responder: 'iptables',
      wouldSend: [
        {
          kind: 'exec',
          argv: [
            iptables.settings().binary,
            '-w',
            '-I',
            'INPUT',
            '-s',
            '203.0.113.47',
            '-j',
            'DROP',
          ],
        },
      ],
    });
    expect(await t.prisma.action.count()).toBe(before);
    expect(iptables.calls()).toHaveLength(firewallCalls);
  });

  it('a failed run keeps its steps and is retried from the failed step', async () => {
    const alertId = await ingest('203.0.113.48');
    const entry = await t
      .http()
      .post('/allowlist')
      .auth(users.ADMIN.token, bearer)
      .send({ type: 'ip', value: '203.0.113.48', reason: 'partner' })
      .expect(201);
    const run = await startRun(playbookId, { alertId });
    const failed =
      run.status === 'FAILED' ? run : await waitForRun(t, users.AUDITOR.token, run.id, ['FAILED']);
    expect(failed.error).toMatch(/^step block: /);
    expect(failed.steps![0]).toMatchObject({ status: 'FAILED', actionId: null });

    const listed = await t
      .http()
      .get('/playbook-runs?status=FAILED')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect((listed.body as { items: RunView[] }).items.map((r) => r.id)).toEqual([run.id]);

    await t
      .http()
      .post(`/playbook-runs/${run.id}/retry`)
      .auth(users.AUDITOR.token, bearer)
      .expect(403);
    await t
      .http()
      .delete(`/allowlist/${(entry.body as { id: string }).id}`)
      .auth(users.ADMIN.token, bearer)
      .expect(204);
    const retried = await t
      .http()
      .post(`/playbook-runs/${run.id}/retry`)
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect((retried.body as RunView).status).toBe('WAITING_APPROVAL');
    await t
      .http()
      .post(`/playbook-runs/${run.id}/retry`)
      .auth(users.ANALYST.token, bearer)
      .expect(409);
    expect((await getRun(t, users.AUDITOR.token, run.id)).steps![0].status).toBe('WAITING');
  });

  it('answers 4xx for bad subjects and unknown ids', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await t
      .http()
      .post(`/playbooks/${playbookId}/run`)
      .auth(users.ANALYST.token, bearer)
      .send({})
      .expect(400);
    await t
      .http()
      .post(`/playbooks/${playbookId}/run`)
      .auth(users.ANALYST.token, bearer)
      .send({ alertId: unknown })
      .expect(404);
    await t
      .http()
      .post(`/playbooks/${unknown}/run`)
      .auth(users.ANALYST.token, bearer)
      .send({ alertId: unknown })
      .expect(404);
    await t.http().get(`/playbook-runs/${unknown}`).auth(users.AUDITOR.token, bearer).expect(404);
    await t.http().get('/playbook-runs?status=bogus').auth(users.AUDITOR.token, bearer).expect(400);
    await t.http().post(`/playbooks/run/${unknown}`).auth(users.ANALYST.token, bearer).expect(404);
  });

  it('an alert through the webhook triggers a matching playbook once, even when its job runs again', async () => {
    const autoId = await seedPlaybook(t, users.ANALYST.token, {
      name: 'Automatic block',
      trigger: {
        sources: ['wazuh'],
        condition: { field: 'normalized.srcIp', op: 'eq', value: '198.51.100.77' },
      },
      steps: [
        { id: 'block', action: 'block_ip', params: { target: '{{alert.normalized.srcIp}}' } },
      ],
    });
    const runsOf = async () =>
      (
        (
          await t
            .http()
            .get(`/playbooks/${autoId}/runs`)
            .auth(users.AUDITOR.token, bearer)
            .expect(200)
        ).body as { items: RunView[] }
      ).items;
    await ingest('198.51.100.78');
    const alertId = await ingest('198.51.100.77');
    const [run] = await runsOf();
    expect(run).toMatchObject({ alertId, trigger: 'alert.scored', triggeredById: null });
    const parked = await waitForRun(t, users.AUDITOR.token, run.id, ['WAITING_APPROVAL']);

    // The same scoring again (what a retried alert job does) starts nothing new.
    await t.app.get(AlertPipeline).reassess(alertId, 1);
    expect((await runsOf()).map((r) => r.id)).toEqual([run.id]);

    const actionId = parked.steps![0].actionId!;
    await actionCall(t, users.APPROVER.token, actionId, 'approve').expect(200);
    await actionCall(t, users.APPROVER.token, actionId, 'execute').expect(200);
    await waitForRun(t, users.AUDITOR.token, run.id, ['COMPLETED']);
    expect(iptables.calls()).toContainEqual(expect.arrayContaining(['198.51.100.77']));
    expect(await t.prisma.action.count({ where: { playbookRunId: run.id } })).toBe(1);
  });

  it('for_each runs a step per item, at most PLAYBOOK_MAX_FOR_EACH of them', async () => {
    const alertId = await ingest('203.0.113.52');
    const observables = await t.prisma.observable.findMany({ where: { alertId } });
    expect(observables.length).toBeGreaterThan(2);
    const each = await seedPlaybook(t, users.ANALYST.token, {
      name: 'Every indicator',
      mode: 'dry-run',
      steps: [
        {
          id: 'look',
          action: 'add_note',
          for_each: 'observables',
          params: { note: '{{item.type}} {{item.value}}' },
        },
        { id: 'count', action: 'add_note', params: { note: '{{steps.look.output}}' } },
      ],
    });
    const run = await startRun(each, { alertId });
    const done =
      run.status === 'COMPLETED'
        ? run
        : await waitForRun(t, users.AUDITOR.token, run.id, ['COMPLETED']);
    const looks = done.steps!.filter((s) => s.stepId === 'look');
    expect(looks.map((s) => s.iteration)).toEqual([0, 1]);
    for (const look of looks)
      expect(observables.map((o) => `${o.type.toLowerCase()} ${o.value}`)).toContain(
        look.renderedParams!.note,
      );
    expect(JSON.parse(done.steps![2].renderedParams!.note as string)).toHaveLength(2);
  });

  it('set_severity and assign change the case as the system', async () => {
    const alertId = await ingest('203.0.113.51');
    const triage = await seedPlaybook(t, users.ANALYST.token, {
      name: 'Escalate',
      steps: [
        { id: 'case', action: 'create_case' },
        { id: 'raise', action: 'set_severity', params: { severity: 'critical' } },
        { id: 'owner', action: 'assign', params: { assignee: users.ANALYST.email } },
      ],
    });
    const run = await startRun(triage, { alertId });
    const done =
      run.status === 'COMPLETED'
        ? run
        : await waitForRun(t, users.AUDITOR.token, run.id, ['COMPLETED', 'FAILED']);
    expect(done.status).toBe('COMPLETED');
    const found = await t.prisma.case.findUniqueOrThrow({ where: { id: done.caseId! } });
    expect(found).toMatchObject({ severity: 'CRITICAL', assigneeId: users.ANALYST.id });
  });

  it('a person assigning a case starts the playbooks listening to case.assigned (a playbook doing it does not)', async () => {
    await t
      .http()
      .post('/playbooks')
      .auth(users.ANALYST.token, bearer)
      .send({
        name: 'bad',
        trigger: { on: ['case.deleted'] },
        steps: [{ id: 'a', action: 'enrich' }],
      })
      .expect(400)
      .expect(({ body }) =>
        expect(JSON.stringify(body)).toContain('trigger.on[0]: unknown event \\"case.deleted\\"'),
      );
    const listening = await seedPlaybook(t, users.ANALYST.token, {
      name: 'On assignment',
      trigger: { on: ['case.assigned'] },
      steps: [
        { id: 'note', action: 'add_note', params: { note: 'now owned by {{case.assigneeId}}' } },
      ],
    });
    const caseId = await newCase(t);
    await t
      .http()
      .patch(`/cases/${caseId}`)
      .auth(users.ANALYST.token, bearer)
      .send({ assigneeId: users.APPROVER.id })
      .expect(200);
    const run = await waitFor('the case.assigned run', async () => {
      const { body } = await t
        .http()
        .get(`/playbooks/${listening}/runs`)
        .auth(users.AUDITOR.token, bearer)
        .expect(200);
      return (body as { items: RunView[] }).items[0];
    });
    expect(run).toMatchObject({ caseId, trigger: 'case.assigned', triggeredById: null });
    const done = await waitForRun(t, users.AUDITOR.token, run.id, ['COMPLETED']);
    expect(done.steps![0].renderedParams).toEqual({ note: `now owned by ${users.APPROVER.id}` });
  });

  it('the reaper gives a RUNNING run whose job is gone a new one', async () => {
    const version = await t.prisma.playbookVersion.findFirstOrThrow({ where: { playbookId } });
    const alertId = await ingest('203.0.113.49');
    // A run as a crash could leave it: committed, but its job lost.
    const runId = (await t.app.get(PlaybookRunsRepository).insertRun(t.app.get(Database).pool, {
      playbookId,
      playbookVersionId: version.id,
      version: 1,
      caseId: null,
      alertId,
      dryRun: true,
      trigger: 'manual',
      triggeredById: null,
    }))!;
    expect(await t.app.get(PlaybookRunReaper).sweep()).toEqual({ requeued: 1 });
    await waitForRun(t, users.AUDITOR.token, runId, ['COMPLETED']);
    expect(await t.app.get(PlaybookRunReaper).sweep()).toEqual({ requeued: 0 });
  });

  it('the four examples load through the API; brute force dry-runs, low risk closes its alert', async () => {
    const outcomes = await loadExamples(readExamples(), async (yaml) => {
      const response = await t
        .http()
        .post('/playbooks')
        .auth(users.ANALYST.token, bearer)
        .set('content-type', 'application/yaml')
        .send(yaml);
      return { status: response.status, body: response.body as unknown };
    });
    expect(outcomes.map((o) => o.result)).toEqual(['created', 'created', 'created', 'created']);
    const idOf = (file: string) => (outcomes.find((o) => o.file === file) as { id: string }).id;

    const alertId = await ingest('203.0.113.50');
    const dry = await startRun(idOf('brute-force.yaml'), { alertId, dryRun: true });
    const done =
      dry.status === 'COMPLETED'
        ? dry
        : await waitForRun(t, users.AUDITOR.token, dry.id, ['COMPLETED']);
    expect(done.steps!.map((s) => s.output?.wouldRequest)).toEqual([
      expect.objectContaining({
        actionType: 'BLOCK_IP',
        target: '203.0.113.50',
        params: { durationSeconds: 86400 },
      }),
      expect.objectContaining({
        actionType: 'NOTIFY_SLACK',
        target: '#soc',
        params: { message: expect.stringContaining('Blocked 203.0.113.50 for 24 h') },
      }),
    ]);

    const closing = await startRun(idOf('low-risk-benign.yaml'), { alertId });
    await waitForRun(t, users.AUDITOR.token, closing.id, ['COMPLETED']);
    const alert = await t.prisma.alert.findUniqueOrThrow({ where: { id: alertId } });
    expect(alert).toMatchObject({
      status: 'CLOSED',
      closedReason: expect.stringContaining('Low risk'),
    });
  });

  it('keeps the audit chain valid', async () => {
    await sealAudit(t);
    const verify = await t.http().get('/audit/verify').auth(users.ADMIN.token, bearer).expect(200);
    expect(verify.body).toMatchObject({ valid: true });
  });
});
