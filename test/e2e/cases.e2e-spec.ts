import { expectAuditChainValid } from '../helpers/audit';
import { CasesService } from '../../src/modules/cases/cases.service';
import { seedAlert, type CaseView } from '../factories/cases.factory';
import { createRoleUsers, createUser, type RoleTokens } from '../factories/users.factory';
import { startTestApp, type TestApp } from '../helpers/test-app';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

describe('Cases (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const bearer = { type: 'bearer' } as const;
  const as = (role: keyof RoleTokens) => users[role].token;

  const create = async (body: object, role: keyof RoleTokens = 'ANALYST') =>
    (await t.http().post('/cases').auth(as(role), bearer).send(body).expect(201)).body as CaseView;
  const patch = (id: string, body: object, role: keyof RoleTokens = 'ANALYST') =>
    t.http().patch(`/cases/${id}`).auth(as(role), bearer).send(body);
  const detail = async (id: string) =>
    (await t.http().get(`/cases/${id}`).auth(as('AUDITOR'), bearer).expect(200)).body as CaseView;
  const audit = (caseId: string) =>
    t
      .http()
      .get(`/audit?entityType=case&entityId=${caseId}&limit=100`)
      .auth(as('AUDITOR'), bearer)
      .expect(200)
      .then(
        (r) =>
          (
            r.body as {
              items: {
                action: string;
                actorId: string | null;
                actorType: string;
                ip: string | null;
                data: Record<string, unknown>;
              }[];
            }
          ).items,
      );
  const since = (a: string | null, b: string | null) =>
    new Date(a ?? NaN).getTime() - new Date(b ?? NaN).getTime();

  beforeAll(async () => {
    t = await startTestApp({ SLA_TARGETS: 'HIGH=30m/8h' });
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('opens a case with its alerts, the highest severity of them and SLA deadlines', async () => {
      const high = await seedAlert(t, 'HIGH');
      const low = await seedAlert(t, 'LOW');
      const created = await create({ title: 'Phishing wave', alertIds: [high, low] });
      expect(created).toMatchObject({ status: 'NEW', severity: 'HIGH', acknowledgedAt: null });
      expect(since(created.ackDueAt, created.createdAt)).toBe(30 * MINUTE);
      expect(since(created.dueAt, created.createdAt)).toBe(8 * HOUR);
      expect(created.alerts!.map((alert) => alert.id).sort()).toEqual([high, low].sort());
      expect(created.timeline!.map((event) => event.type)).toEqual([
        'CREATED',
        'ALERT_LINKED',
        'ALERT_LINKED',
      ]);
      expect(created.timeline![0].actor).toMatchObject({ id: users.ANALYST.id });
      const [entry] = await audit(created.id);
      expect(entry).toMatchObject({ action: 'case.created', actorId: users.ANALYST.id });
      expect(entry.ip).toBeTruthy();
      expect(entry.data).toMatchObject({ before: null, alertIds: [high, low] });
    });

    it('defaults to MEDIUM with its default targets when no alert and no severity is given', async () => {
      const created = await create({ title: 'Hunch', description: 'odd DNS' });
      expect(created.severity).toBe('MEDIUM');
      expect(since(created.dueAt, created.createdAt)).toBe(72 * HOUR);
    });

    it('refuses unknown alerts (400) and alerts in another case (409), creating nothing', async () => {
      const before = await t.prisma.case.count();
      const missing = '00000000-0000-4000-8000-00000000abcd';
      const unknown = await t
        .http()
        .post('/cases')
        .auth(as('ANALYST'), bearer)
        .send({ title: 'x', alertIds: [missing] })
        .expect(400);
      expect(unknown.body).toMatchObject({ code: 'CASE_ALERTS_NOT_FOUND' });
      expect(unknown.body.message).toContain(missing);
      const taken = await seedAlert(t, 'LOW');
      const owner = await create({ title: 'owner', alertIds: [taken] });
      const conflict = await t
        .http()
        .post('/cases')
        .auth(as('ANALYST'), bearer)
        .send({ title: 'x', alertIds: [taken] })
        .expect(409);
      expect(conflict.body.message).toContain(owner.id);
      expect(await t.prisma.case.count()).toBe(before + 1);
    });

    it('refuses an AUDITOR (403) and malformed bodies (400)', async () => {
      await t.http().post('/cases').auth(as('AUDITOR'), bearer).send({ title: 'x' }).expect(403);
      for (const body of [
        {},
        { title: '' },
        { title: 'x', severity: 'URGENT' },
        { title: 'x', alertIds: ['not-a-uuid'] },
        { title: 'x', description: null },
        { title: 'x', extra: 1 },
      ])
        await t.http().post('/cases').auth(as('ANALYST'), bearer).send(body).expect(400);
    });
  });

  describe('status machine', () => {
    it('moves forward, refuses going back with 409, closes with a resolution and reopens', async () => {
      const kase = await create({ title: 'Lifecycle', severity: 'HIGH' });
      const investigating = (await patch(kase.id, { status: 'INVESTIGATING' }).expect(200))
        .body as CaseView;
      expect(investigating.acknowledgedAt).not.toBeNull();

      const back = await patch(kase.id, { status: 'IN_TRIAGE' }).expect(409);
      expect(back.body.message).toContain('from INVESTIGATING to IN_TRIAGE');

      const contained = (await patch(kase.id, { status: 'CONTAINED' }).expect(200))
        .body as CaseView;
      expect(contained.containedAt).not.toBeNull();

      const noResolution = await patch(kase.id, { status: 'CLOSED' }).expect(400);
      expect(noResolution.body.code).toBe('CASE_RESOLUTION_REQUIRED');
      await patch(kase.id, { status: 'CLOSED', resolution: 'MAYBE' }).expect(400);

      const closed = (
        await patch(kase.id, {
          status: 'CLOSED',
          resolution: 'FALSE_POSITIVE',
          resolutionNote: 'pentest',
        }).expect(200)
      ).body as CaseView;
      expect(closed).toMatchObject({ resolution: 'FALSE_POSITIVE', resolutionNote: 'pentest' });
      expect(closed.closedAt).not.toBeNull();

      await patch(kase.id, { status: 'INVESTIGATING' }).expect(409);
      const reopened = (await patch(kase.id, { status: 'IN_TRIAGE' }).expect(200)).body as CaseView;
      expect(reopened).toMatchObject({
        status: 'IN_TRIAGE',
        closedAt: null,
        resolution: null,
        resolutionNote: null,
        acknowledgedAt: investigating.acknowledgedAt,
        containedAt: contained.containedAt,
      });

      const statusEvents = (await detail(kase.id)).timeline!.filter(
        (event) => event.type === 'STATUS_CHANGED',
      );
      expect(statusEvents.map((event) => event.data.after!.status)).toEqual([
        'INVESTIGATING',
        'CONTAINED',
        'CLOSED',
        'IN_TRIAGE',
      ]);
      expect(statusEvents[3].data.before).toMatchObject({
        status: 'CLOSED',
        resolution: 'FALSE_POSITIVE',
      });
      expect(statusEvents.every((event) => event.actor?.id === users.ANALYST.id)).toBe(true);
      const updates = (await audit(kase.id)).filter((entry) => entry.action === 'case.updated');
      expect(updates).toHaveLength(4);
    });

    it('refuses a resolution on a case that stays open', async () => {
      const kase = await create({ title: 'Open one' });
      const refused = await patch(kase.id, { resolution: 'BENIGN' }).expect(400);
      expect(refused.body.code).toBe('CASE_RESOLUTION_NOT_CLOSING');
    });

    it('answers 404 for an unknown case and 400 for a malformed id', async () => {
      await patch('00000000-0000-4000-8000-000000000000', { status: 'IN_TRIAGE' }).expect(404);
      await patch('nope', { status: 'IN_TRIAGE' }).expect(400);
    });
  });

  describe('assignment and edits', () => {
    it('assigns only active ANALYST, APPROVER or ADMIN users, and null unassigns', async () => {
      const kase = await create({ title: 'Assign me' });
      const inactive = await createUser(t, as('ADMIN'), 'gone@example.com', 'ANALYST');
      await t
        .http()
        .patch(`/users/${inactive.id}`)
        .auth(as('ADMIN'), bearer)
        .send({ isActive: false })
        .expect(200);
      for (const assigneeId of [
        users.AUDITOR.id,
        inactive.id,
        '00000000-0000-4000-8000-00000000beef',
      ]) {
        const refused = await patch(kase.id, { assigneeId }).expect(400);
        expect(refused.body.code).toBe('CASE_ASSIGNEE_INVALID');
      }
      const assigned = (await patch(kase.id, { assigneeId: users.APPROVER.id }).expect(200))
        .body as CaseView;
      expect(assigned.assigneeId).toBe(users.APPROVER.id);
      expect(assigned.acknowledgedAt).not.toBeNull();
      expect(assigned.status).toBe('NEW');
      const unassigned = (await patch(kase.id, { assigneeId: null }).expect(200)).body as CaseView;
      expect(unassigned.assigneeId).toBeNull();
      expect(unassigned.acknowledgedAt).toBe(assigned.acknowledgedAt);
      const list = await t
        .http()
        .get(`/cases?assigneeId=${users.APPROVER.id}`)
        .auth(as('ANALYST'), bearer)
        .expect(200);
      expect(list.body.total).toBe(0);
      const assignedEvents = (await detail(kase.id)).timeline!.filter(
        (event) => event.type === 'ASSIGNED',
      );
      expect(assignedEvents.map((event) => event.data.after!.assigneeId)).toEqual([
        users.APPROVER.id,
        null,
      ]);
    });

    it('recomputes the SLA deadlines when the severity changes, and audits title edits', async () => {
      const kase = await create({ title: 'Severity', severity: 'LOW' });
      const raised = (await patch(kase.id, { severity: 'HIGH', title: 'Renamed' }).expect(200))
        .body as CaseView;
      expect(since(raised.ackDueAt, raised.createdAt)).toBe(30 * MINUTE);
      expect(since(raised.dueAt, raised.createdAt)).toBe(8 * HOUR);
      const types = (await detail(kase.id)).timeline!.map((event) => event.type);
      expect(types).toEqual(['CREATED', 'SEVERITY_CHANGED', 'UPDATED']);
      const [update] = (await audit(kase.id)).filter((entry) => entry.action === 'case.updated');
      expect(update.data).toMatchObject({
        before: { title: 'Severity', severity: 'LOW' },
        after: { title: 'Renamed', severity: 'HIGH' },
      });
    });

    it('adds notes (201) on the timeline, and refuses an AUDITOR', async () => {
      const kase = await create({ title: 'Notes' });
      const note = await t
        .http()
        .post(`/cases/${kase.id}/notes`)
        .auth(as('APPROVER'), bearer)
        .send({ note: 'Scanner range, probably benign.' })
        .expect(201);
      expect(note.body).toMatchObject({
        note: 'Scanner range, probably benign.',
        author: { id: users.APPROVER.id },
      });
      await t
        .http()
        .post(`/cases/${kase.id}/notes`)
        .auth(as('AUDITOR'), bearer)
        .send({ note: 'x' })
        .expect(403);
      await t
        .http()
        .post(`/cases/${kase.id}/notes`)
        .auth(as('ANALYST'), bearer)
        .send({ note: '' })
        .expect(400);
      const view = await detail(kase.id);
      expect(view.notes).toHaveLength(1);
      expect(view.timeline!.at(-1)).toMatchObject({
        type: 'NOTE_ADDED',
        actor: { id: users.APPROVER.id },
        data: { noteId: note.body.id },
      });
    });
  });

  describe('listing', () => {
    it('filters by status, severity, text and creation time, newest first, paginated', async () => {
      const marker = `needle-${Date.now()}`;
      const first = await create({ title: `first ${marker}`, severity: 'CRITICAL' });
      const second = await create({
        title: 'second',
        description: `has ${marker}`,
        severity: 'INFO',
      });
      await patch(second.id, { status: 'IN_TRIAGE' }).expect(200);
      const get = async (query: string) =>
        (await t.http().get(`/cases?${query}`).auth(as('AUDITOR'), bearer).expect(200)).body as {
          total: number;
          items: CaseView[];
          page: number;
          limit: number;
        };
      const byText = await get(`q=${marker.toUpperCase()}`);
      expect(byText.items.map((kase) => kase.id)).toEqual([second.id, first.id]);
      expect((await get(`q=${marker}&status=in_triage`)).items.map((c) => c.id)).toEqual([
        second.id,
      ]);
      expect((await get(`q=${marker}&severity=CRITICAL`)).items.map((c) => c.id)).toEqual([
        first.id,
      ]);
      expect((await get(`q=${marker}&from=${encodeURIComponent(second.createdAt)}`)).total).toBe(1);
      expect((await get(`q=${marker}&to=${encodeURIComponent(first.createdAt)}`)).total).toBe(1);
      const paged = await get(`q=${marker}&limit=1&page=2`);
      expect(paged).toMatchObject({ page: 2, limit: 1, total: 2 });
      expect(paged.items.map((c) => c.id)).toEqual([first.id]);
      await t.http().get('/cases?status=OPEN').auth(as('ANALYST'), bearer).expect(400);
      await t.http().get('/cases?from=yesterday').auth(as('ANALYST'), bearer).expect(400);
    });
  });

  describe('linking alerts and the detail view', () => {
    it('links alerts (repeatable), refuses unknown, taken and closed-case links', async () => {
      const kase = await create({ title: 'Link target' });
      const alert = await seedAlert(t, 'MEDIUM');
      const link = (id: string, alertIds: string[]) =>
        t.http().post(`/cases/${id}/alerts`).auth(as('ANALYST'), bearer).send({ alertIds });
      const linked = (await link(kase.id, [alert]).expect(200)).body as CaseView;
      expect(linked.alerts!.map((a) => a.id)).toEqual([alert]);
      await link(kase.id, [alert]).expect(200);
      const events = (await detail(kase.id)).timeline!.filter((e) => e.type === 'ALERT_LINKED');
      expect(events).toHaveLength(1);
      await link(kase.id, ['00000000-0000-4000-8000-00000000feed']).expect(400);
      const other = await create({ title: 'Other' });
      await link(other.id, [alert]).expect(409);
      await link(kase.id, []).expect(400);
      await patch(other.id, { status: 'CLOSED', resolution: 'BENIGN' }).expect(200);
      const closed = await link(other.id, [await seedAlert(t, 'LOW')]).expect(409);
      expect(closed.body.code).toBe('CASE_CLOSED');
      await link('00000000-0000-4000-8000-000000000000', [alert]).expect(404);
    });

    it('shows distinct indicators of the alerts with the newest verdict per provider', async () => {
      const ip = '203.0.113.80';
      const first = await seedAlert(t, 'HIGH', [
        {
          type: 'IPV4',
          value: ip,
          verdicts: [
            { provider: 'virustotal', verdict: 'HARMLESS', queriedAt: '2026-01-01T00:00:00Z' },
            { provider: 'abuseipdb', verdict: 'SUSPICIOUS', queriedAt: '2026-01-01T00:00:00Z' },
          ],
        },
      ]);
      const second = await seedAlert(t, 'HIGH', [
        {
          type: 'IPV4',
          value: ip,
          verdicts: [
            { provider: 'virustotal', verdict: 'MALICIOUS', queriedAt: '2026-01-02T00:00:00Z' },
          ],
        },
        { type: 'DOMAIN', value: 'evil.example' },
      ]);
      const kase = await create({ title: 'Indicators', alertIds: [first, second] });
      const ipView = kase.observables!.find((o) => o.value === ip)!;
      expect(kase.observables).toHaveLength(2);
      expect(ipView).toMatchObject({ type: 'ipv4', alertCount: 2 });
      expect(ipView.latestVerdicts.map((v) => [v.provider, v.verdict])).toEqual([
        ['abuseipdb', 'suspicious'],
        ['virustotal', 'malicious'],
      ]);
      expect(kase.observables!.find((o) => o.value === 'evil.example')).toMatchObject({
        type: 'domain',
        latestVerdicts: [],
      });
    });
  });

  describe('merging', () => {
    const merge = (id: string, caseIds: string[]) =>
      t.http().post(`/cases/${id}/merge`).auth(as('ANALYST'), bearer).send({ caseIds });

    it('moves alerts, notes and actions, closes the sources as DUPLICATE, and tells both sides', async () => {
      const target = await create({ title: 'Survivor', severity: 'LOW' });
      const sourceAlert = await seedAlert(t, 'HIGH');
      const source = await create({ title: 'Folded', alertIds: [sourceAlert] });
      await t
        .http()
        .post(`/cases/${source.id}/notes`)
        .auth(as('ANALYST'), bearer)
        .send({ note: 'seen before' })
        .expect(201);
      const action = await t
        .http()
        .post(`/cases/${source.id}/actions`)
        .auth(as('ANALYST'), bearer)
        .send({ actionType: 'BLOCK_IP', target: '203.0.113.81' })
        .expect(201);
      const empty = await create({ title: 'Empty' });

      const merged = (await merge(target.id, [source.id, empty.id]).expect(200)).body as CaseView;
      expect(merged.alerts!.map((a) => a.id)).toEqual([sourceAlert]);
      expect(merged.notes!.map((n) => n.note)).toEqual(['seen before']);
      expect(merged.actions!.map((a) => [a.id, a.caseId])).toEqual([[action.body.id, target.id]]);
      expect(merged.severity).toBe('HIGH');
      expect(since(merged.dueAt, merged.createdAt)).toBe(8 * HOUR);

      const folded = await detail(source.id);
      expect(folded).toMatchObject({
        status: 'CLOSED',
        resolution: 'DUPLICATE',
        mergedIntoId: target.id,
        alerts: [],
        notes: [],
        actions: [],
      });
      expect(folded.closedAt).not.toBeNull();
      const into = folded.timeline!.find((e) => e.type === 'MERGED_INTO')!;
      expect(into).toMatchObject({
        actor: { id: users.ANALYST.id },
        data: { intoCaseId: target.id, alertIds: [sourceAlert], actionIds: [action.body.id] },
      });
      const from = merged.timeline!.filter((e) => e.type === 'MERGED_FROM');
      expect(from.map((e) => e.data.fromCaseId)).toEqual([source.id, empty.id]);
      expect(from[0].data).toMatchObject({ alertIds: [sourceAlert], actionIds: [action.body.id] });
      expect(merged.timeline!.some((e) => e.type === 'SEVERITY_CHANGED')).toBe(true);

      expect((await audit(source.id)).map((e) => e.action)).toContain('case.merged');
      expect((await audit(target.id)).filter((e) => e.action === 'case.merged_from')).toHaveLength(
        2,
      );
      const actionAudit = await t
        .http()
        .get(`/audit?entityType=action&entityId=${action.body.id}`)
        .auth(as('AUDITOR'), bearer)
        .expect(200);
      expect(actionAudit.body.items[0]).toMatchObject({
        action: 'action.moved',
        data: { fromCaseId: source.id, toCaseId: target.id },
      });
    });

    it('refuses itself (400), unknown sources (400), closed sources or target (409), changing nothing', async () => {
      const target = await create({ title: 'Target' });
      const source = await create({ title: 'Source' });
      expect((await merge(target.id, [target.id]).expect(400)).body.code).toBe(
        'CASE_MERGE_INTO_ITSELF',
      );
      const missing = '00000000-0000-4000-8000-00000000cafe';
      const unknown = await merge(target.id, [source.id, missing]).expect(400);
      expect(unknown.body.message).toContain(missing);
      const closed = await create({ title: 'Closed' });
      await patch(closed.id, { status: 'CLOSED', resolution: 'BENIGN' }).expect(200);
      await merge(target.id, [source.id, closed.id]).expect(409);
      await merge(closed.id, [source.id]).expect(409);
      await merge('00000000-0000-4000-8000-000000000000', [source.id]).expect(404);
      await merge(target.id, [source.id, source.id]).expect(400);
      expect((await detail(source.id)).status).toBe('NEW');
    });
  });

  it('stores a ticket on the case with its event (setTicket, called by the actions module)', async () => {
    const kase = await create({ title: 'Ticketed' });
    await t.app
      .get(CasesService)
      .setTicket(kase.id, 'SEC-42', 'https://jira.example.com/browse/SEC-42');
    const view = await detail(kase.id);
    expect(view).toMatchObject({
      ticketKey: 'SEC-42',
      ticketUrl: 'https://jira.example.com/browse/SEC-42',
    });
    expect(view.timeline!.at(-1)).toMatchObject({ type: 'TICKET_LINKED', actor: null });
  });

  it('keeps the audit chain valid', async () => {
    await expectAuditChainValid(t, as('AUDITOR'));
  });
});
