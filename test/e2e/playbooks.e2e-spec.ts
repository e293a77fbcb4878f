import { parse } from 'yaml';
import type { Prisma } from '../../src/generated/prisma/client';
import { PlaybooksService } from '../../src/modules/playbooks';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { MISSING_ID } from '../helpers/authorization-matrix';
import { sealAudit } from '../helpers/audit';
import { startTestApp, type TestApp } from '../helpers/test-app';

interface PlaybookBody {
  id: string;
  name: string;
  enabled: boolean;
  mode: string;
  currentVersion: number;
  disabledAt: string | null;
  definition: Record<string, unknown>;
}

const bearer = { type: 'bearer' } as const;
const HOUR = 3600_000;

const bruteForce = {
  name: 'Brute force',
  description: 'Block the source of an SSH brute force',
  trigger: {
    severities: ['high', 'CRITICAL'],
    sources: ['wazuh'],
    condition: { field: 'riskScore', op: 'gte', value: 70 },
  },
  steps: [
    {
      id: 'block',
      action: 'BLOCK_IP',
      params: { target: '{{item.value}}', reason: 'Brute force: {{alert.title}}' },
      for_each: {
        field: 'observables',
        where: { field: 'item.verdict', op: 'eq', value: 'malicious' },
      },
      requiresApproval: true,
    },
    {
      id: 'note',
      action: 'add_note',
      params: { note: 'Case {{case.id}} is {{case.status}}' },
      if: { field: 'case.status', op: 'exists' },
    },
    {
      id: 'slack',
      action: 'notify_slack',
      params: { target: '#soc', message: 'Source {{alert.normalized.srcIp}}' },
      if: { field: 'normalized.srcIp', op: 'exists' },
      on_error: 'continue',
    },
    {
      id: 'followup',
      action: 'add_note',
      params: { note: 'blocked' },
      if: { field: 'steps.block.status', op: 'eq', value: 'succeeded' },
    },
  ],
};

const PHISHING_YAML = `
name: Phishing URL
mode: dry-run
trigger:
  condition:
    any:
      - field: observables
        op: contains
        value: { type: url, verdict: malicious }
      - { field: title, op: matches, value: "(?i)phish" }
steps:
  - id: enrich
    action: enrich
  - id: ticket
    action: create_ticket
    params:
      target: SEC
      summary: "Phishing: {{alert.title}}"
`;

describe('Playbooks (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let brute: PlaybookBody;
  let phishing: PlaybookBody;

  const as = (role: keyof RoleTokens) => users[role].token;
  const postJson = (body: unknown, role: keyof RoleTokens = 'ANALYST') =>
    t
      .http()
      .post('/playbooks')
      .auth(as(role), bearer)
      .send(body as object);
  const postYaml = (text: string, path = '/playbooks', method: 'post' | 'put' = 'post') =>
    t
      .http()
      [method](path)
      .auth(as('ANALYST'), bearer)
      .set('Content-Type', 'application/yaml')
      .send(text);
  const get = (path: string, role: keyof RoleTokens = 'AUDITOR') =>
    t.http().get(path).auth(as(role), bearer);

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  describe('definitions', () => {
    it('creates version 1 from JSON, normalized (actions lower-case, severities upper-case)', async () => {
      const response = await postJson(bruteForce).expect(201);
      brute = response.body as PlaybookBody;
      expect(brute).toMatchObject({
        name: 'Brute force',
        enabled: true,
        mode: 'live',
        currentVersion: 1,
        disabledAt: null,
      });
      expect(brute.definition).toEqual({
        ...bruteForce,
        enabled: true,
        mode: 'live',
        trigger: { ...bruteForce.trigger, severities: ['HIGH', 'CRITICAL'] },
        steps: bruteForce.steps.map((s) => ({ ...s, action: s.action.toLowerCase() })),
      });
    });

    it('creates from YAML with Content-Type: application/yaml', async () => {
      const response = await postYaml(PHISHING_YAML).expect(201);
      phishing = response.body as PlaybookBody;
      expect(phishing).toMatchObject({ name: 'Phishing URL', mode: 'dry-run', currentVersion: 1 });
      expect(phishing.definition).toEqual({ ...(parse(PHISHING_YAML) as object), enabled: true });
    });

    it('keeps answering 415 to YAML on every other route', async () => {
      const response = await t
        .http()
        .post('/assets')
        .auth(as('ADMIN'), bearer)
        .set('Content-Type', 'application/yaml')
        .send('hostname: h1\ncriticality: LOW\n')
        .expect(415);
      expect(response.body.message).toMatch(/application\/json/);
      await t
        .http()
        .post(`/playbooks/${brute.id}/rollback`)
        .auth(as('ANALYST'), bearer)
        .set('Content-Type', 'application/yaml')
        .send('version: 1\n')
        .expect(415);
    });

    it.each<[string, unknown, string[]]>([
      [
        'a missing required param and an unknown operator',
        {
          ...bruteForce,
          name: 'Broken',
          trigger: {
            condition: {
              all: [
                { field: 'riskScore', op: 'gte', value: 1 },
                { field: 'x', op: 'gt=', value: 1 },
              ],
            },
          },
          steps: [
            bruteForce.steps[0],
            bruteForce.steps[1],
            { id: 'x', action: 'block_ip', params: {} },
          ],
        },
        ['trigger.condition.all[1].op: unknown operator "gt="', 'steps[2].params.target: required'],
      ],
      [
        'a reference to a later step',
        { name: 'Later', steps: [bruteForce.steps[3], bruteForce.steps[0]] },
        ['steps[0].if.field: refers to step "block", which does not run before this point'],
      ],
      [
        'an unknown field and a regex RE2 cannot compile',
        {
          name: 'Regex',
          colour: 'red',
          trigger: { condition: { field: 'title', op: 'matches', value: '(?<=x)y' } },
          steps: [bruteForce.steps[0]],
        },
        [
          'colour: unknown field',
          'trigger.condition.value: invalid regular expression "(?<=x)y" (RE2 syntax)',
        ],
      ],
    ])('refuses %s with 400 naming each path', async (_name, body, messages) => {
      const response = await postJson(body).expect(400);
      expect(response.body.code).toBe('PLAYBOOK_INVALID');
      for (const message of messages) expect(response.body.message).toContain(message);
    });

    it('names the path for YAML too, and refuses malformed YAML', async () => {
      const bad = await postYaml('name: y\nsteps:\n  - id: a\n    action: nuke\n').expect(400);
      expect(bad.body.message).toEqual(['steps[0].action: unknown action "nuke"']);
      const charset = await t
        .http()
        .post('/playbooks')
        .auth(as('ANALYST'), bearer)
        .set('Content-Type', 'application/x-yaml; charset=utf-8')
        .send('name: y\nsteps: []\n')
        .expect(400);
      expect(charset.body.message).toEqual(['steps: must be a list of 1 to 50 steps']);
      const malformed = await postYaml('name: [x\n').expect(400);
      expect(malformed.body.message).toMatch(/Malformed YAML/);
      await postYaml('- just\n- a list\n').expect(400);
    });

    it('refuses a second playbook with the same name (409)', async () => {
      const response = await postJson(bruteForce).expect(409);
      expect(response.body.code).toBe('PLAYBOOK_NAME_TAKEN');
    });

    it('lists and reads to any role', async () => {
      const list = await get('/playbooks').expect(200);
      expect(list.body).toMatchObject({ total: 2 });
      expect(list.body.items.map((p: PlaybookBody) => p.name)).toEqual([
        'Brute force',
        'Phishing URL',
      ]);
      expect(list.body.items[0].definition).toBeUndefined();
      const one = await get(`/playbooks/${brute.id}`).expect(200);
      expect(one.body.definition).toEqual(brute.definition);
      await get(`/playbooks/${MISSING_ID}`).expect(404);
      const missingExport = await get(`/playbooks/${MISSING_ID}/export`).expect(404);
      expect(missingExport.body.code).toBe('PLAYBOOK_NOT_FOUND');
      await get('/playbooks/not-a-uuid').expect(400);
    });
  });

  describe('versions', () => {
    it('PUT saves a new immutable version', async () => {
      const changed = {
        ...bruteForce,
        trigger: { ...bruteForce.trigger, condition: { field: 'riskScore', op: 'gte', value: 90 } },
      };
      const response = await t
        .http()
        .put(`/playbooks/${brute.id}`)
        .auth(as('APPROVER'), bearer)
        .send(changed)
        .expect(200);
      expect(response.body.currentVersion).toBe(2);
      expect(response.body.definition.trigger.condition.value).toBe(90);
      const versions = await get(`/playbooks/${brute.id}/versions`).expect(200);
      expect(
        versions.body.map((v: { version: number; current: boolean }) => [v.version, v.current]),
      ).toEqual([
        [2, true],
        [1, false],
      ]);
      const first = await get(`/playbooks/${brute.id}/versions/1`).expect(200);
      expect(first.body.definition).toEqual(brute.definition);
      expect(first.body.createdById).toBe(users.ANALYST.id);
      await get(`/playbooks/${brute.id}/versions/9`).expect(404);
      await get(`/playbooks/${brute.id}/versions/abc`).expect(400);
      await get(`/playbooks/${brute.id}/versions/99999999999999999999`).expect(400);
      await get(`/playbooks/${brute.id}/versions/0`).expect(400);
    });

    it('PUT refuses an invalid definition and keeps the current version', async () => {
      const response = await t
        .http()
        .put(`/playbooks/${brute.id}`)
        .auth(as('ANALYST'), bearer)
        .send({ ...bruteForce, steps: [{ ...bruteForce.steps[0], on_error: 'retry' }] })
        .expect(400);
      expect(response.body.message).toEqual(['steps[0].on_error: must be "continue" or "stop"']);
      expect((await get(`/playbooks/${brute.id}`).expect(200)).body.currentVersion).toBe(2);
    });

    it('rollback makes version 1 current again, as version 3', async () => {
      const response = await t
        .http()
        .post(`/playbooks/${brute.id}/rollback`)
        .auth(as('ANALYST'), bearer)
        .send({ version: 1 })
        .expect(200);
      expect(response.body.currentVersion).toBe(3);
      expect(response.body.definition).toEqual(brute.definition);
      const versions = await get(`/playbooks/${brute.id}/versions`).expect(200);
      expect(versions.body).toHaveLength(3);
      const second = await get(`/playbooks/${brute.id}/versions/2`).expect(200);
      expect(second.body.definition.trigger.condition.value).toBe(90);
      const rollback = (body: object) =>
        t.http().post(`/playbooks/${brute.id}/rollback`).auth(as('ANALYST'), bearer).send(body);
      await rollback({ version: 42 }).expect(404);
      await rollback({ version: 'one' }).expect(400);
      await rollback({}).expect(400);
    });

    it('exports YAML that imports back to the same definition', async () => {
      const exported = await get(`/playbooks/${brute.id}/export`).expect(200);
      expect(exported.headers['content-type']).toMatch(/^application\/yaml/);
      expect(parse(exported.text)).toEqual(brute.definition);
      const reimported = await postYaml(exported.text, `/playbooks/${brute.id}`, 'put').expect(200);
      expect(reimported.body.definition).toEqual(brute.definition);
      expect(reimported.body.currentVersion).toBe(4);
      const phishingYaml = (await get(`/playbooks/${phishing.id}/export`).expect(200)).text;
      expect(parse(phishingYaml)).toEqual(phishing.definition);
    });

    it('DELETE (ADMIN) disables the playbook; its history stays readable', async () => {
      await t.http().delete(`/playbooks/${phishing.id}`).auth(as('ANALYST'), bearer).expect(403);
      await t.http().delete(`/playbooks/${phishing.id}`).auth(as('ADMIN'), bearer).expect(204);
      const deleted = await get(`/playbooks/${phishing.id}`).expect(200);
      expect(deleted.body).toMatchObject({ enabled: false, currentVersion: 1 });
      expect(deleted.body.disabledAt).not.toBeNull();
      await get(`/playbooks/${phishing.id}/versions/1`).expect(200);
      const update = await postYaml(PHISHING_YAML, `/playbooks/${phishing.id}`, 'put').expect(409);
      expect(update.body.code).toBe('PLAYBOOK_DELETED');
      const enabled = await get('/playbooks?enabled=true').expect(200);
      expect(enabled.body.items.map((p: PlaybookBody) => p.name)).toEqual(['Brute force']);
      await t.http().delete(`/playbooks/${MISSING_ID}`).auth(as('ADMIN'), bearer).expect(404);
      // What the runner reads: enabled playbooks with the version a new run pins.
      const service = t.app.get(PlaybooksService);
      const enabledNow = await service.listEnabledForTrigger();
      expect(enabledNow.map((p) => [p.name, p.version])).toEqual([['Brute force', 4]]);
      expect(enabledNow[0].definition).toEqual(brute.definition);
      expect((await service.getVersion(brute.id, 2)).definition).not.toEqual(brute.definition);
      expect(await service.getCurrentVersion(phishing.id)).toMatchObject({ version: 1 });
    });
  });

  describe('replay', () => {
    const now = Date.now();
    const ids: Record<string, string> = {};

    async function seedAlert(
      key: string,
      data: Partial<Prisma.AlertUncheckedCreateInput>,
      observables: {
        type: 'IPV4' | 'URL';
        value: string;
        verdicts: [string, 'MALICIOUS' | 'HARMLESS'][];
      }[] = [],
    ): Promise<void> {
      const alert = await t.prisma.alert.create({
        data: {
          source: 'wazuh',
          connector: 'wazuh',
          rawPayload: {},
          title: `Alert ${key}`,
          severity: 'HIGH',
          riskScore: 80,
          state: 'PROCESSED',
          normalized: { srcIp: '203.0.113.7' },
          ...data,
          observables: {
            create: observables.map((o) => ({
              type: o.type,
              value: o.value,
              stixType: o.type === 'IPV4' ? 'ipv4-addr' : 'url',
              enrichments: {
                create: o.verdicts.map(([provider, verdict]) => ({
                  provider,
                  verdict,
                  reputationScore: verdict === 'MALICIOUS' ? 90 : 0,
                  summary: verdict,
                  queriedAt: new Date(now),
                })),
              },
            })),
          },
        },
      });
      ids[key] = alert.id;
    }

    beforeAll(async () => {
      const investigating = await t.prisma.case.create({
        data: { title: 'Brute force on web-01', status: 'INVESTIGATING' },
      });
      await seedAlert('A1', { receivedAt: new Date(now - 1 * HOUR), caseId: investigating.id }, [
        {
          type: 'IPV4',
          value: '203.0.113.7',
          verdicts: [
            ['virustotal', 'MALICIOUS'],
            ['otx', 'HARMLESS'],
          ],
        },
        { type: 'IPV4', value: '198.51.100.9', verdicts: [['otx', 'HARMLESS']] },
      ]);
      await seedAlert('A2', { receivedAt: new Date(now - 2 * HOUR), riskScore: 75 }, [
        { type: 'IPV4', value: '198.51.100.1', verdicts: [['otx', 'HARMLESS']] },
      ]);
      await seedAlert('A3 low severity', { receivedAt: new Date(now - 3 * HOUR), severity: 'LOW' });
      await seedAlert('A4 other source', {
        receivedAt: new Date(now - 4 * HOUR),
        source: 'splunk',
      });
      await seedAlert('A5 duplicate', {
        receivedAt: new Date(now - 5 * HOUR),
        duplicateOfId: ids.A1,
      });
      await seedAlert('A6 risk exactly 70', {
        receivedAt: new Date(now - 6 * HOUR),
        riskScore: 70,
        normalized: {},
      });
      await seedAlert('A7 risk 69', { receivedAt: new Date(now - 7 * HOUR), riskScore: 69 });
      await seedAlert('A8 unscored', {
        receivedAt: new Date(now - 8 * HOUR),
        riskScore: null,
        severity: null,
        state: 'RECEIVED',
      });
      await seedAlert('A9 ten days ago', {
        receivedAt: new Date(now - 240 * HOUR),
        severity: 'CRITICAL',
      });
    });

    const replay = (body: object, role: keyof RoleTokens = 'ANALYST') =>
      t.http().post(`/playbooks/${brute.id}/replay`).auth(as(role), bearer).send(body);
    const window = (hours: number, limit?: number) => ({
      from: new Date(now - hours * HOUR).toISOString(),
      to: new Date(now).toISOString(),
      ...(limit && { limit }),
    });

    it('answers exactly which alerts would have matched and which steps would have run', async () => {
      const response = await replay(window(24)).expect(200);
      expect(response.body).toEqual({
        version: 4,
        from: window(24).from,
        to: window(24).to,
        // A1, A2, A3, A4, A6, A7: the duplicate and the unscored alert are not replayed.
        evaluated: 6,
        matched: [
          {
            alertId: ids.A1,
            title: 'Alert A1',
            receivedAt: new Date(now - HOUR).toISOString(),
            steps: [
              { id: 'block', action: 'block_ip', wouldRun: true, items: 1 },
              { id: 'note', action: 'add_note', wouldRun: true },
              { id: 'slack', action: 'notify_slack', wouldRun: true },
              {
                id: 'followup',
                action: 'add_note',
                wouldRun: false,
                reason: 'depends on step "block", whose output a replay does not produce',
              },
            ],
          },
          {
            alertId: ids.A2,
            title: 'Alert A2',
            receivedAt: new Date(now - 2 * HOUR).toISOString(),
            steps: [
              {
                id: 'block',
                action: 'block_ip',
                wouldRun: false,
                items: 0,
                reason: 'for_each has no items',
              },
              { id: 'note', action: 'add_note', wouldRun: false, reason: 'if condition is false' },
              { id: 'slack', action: 'notify_slack', wouldRun: true },
              expect.objectContaining({ id: 'followup', wouldRun: false }),
            ],
          },
          {
            alertId: ids['A6 risk exactly 70'],
            title: 'Alert A6 risk exactly 70',
            receivedAt: new Date(now - 6 * HOUR).toISOString(),
            steps: [
              expect.objectContaining({ id: 'block', wouldRun: false, items: 0 }),
              expect.objectContaining({ id: 'note', wouldRun: false }),
              {
                id: 'slack',
                action: 'notify_slack',
                wouldRun: false,
                reason: 'if condition is false',
              },
              expect.objectContaining({ id: 'followup', wouldRun: false }),
            ],
          },
        ],
      });
    });

    it('reads newest first within the limit, over the window asked for', async () => {
      const limited = await replay(window(24, 2)).expect(200);
      expect(limited.body.evaluated).toBe(2);
      expect(limited.body.matched.map((m: { alertId: string }) => m.alertId)).toEqual([
        ids.A1,
        ids.A2,
      ]);
      const wide = await replay(window(24 * 30)).expect(200);
      expect(wide.body.evaluated).toBe(7);
      expect(wide.body.matched.map((m: { alertId: string }) => m.alertId)).toEqual([
        ids.A1,
        ids.A2,
        ids['A6 risk exactly 70'],
        ids['A9 ten days ago'],
      ]);
    });

    it('reads the asset criticality of the alert, as scoring does', async () => {
      await t
        .http()
        .post('/assets')
        .auth(as('ADMIN'), bearer)
        .send({ hostname: 'web-01', ip: '203.0.113.7', criticality: 'CRITICAL' })
        .expect(201);
      const created = await postJson({
        name: 'Critical asset',
        trigger: { condition: { field: 'asset.criticality', op: 'eq', value: 'CRITICAL' } },
        steps: [
          { id: 'isolate', action: 'isolate_host', params: { target: '{{asset.hostname}}' } },
        ],
      }).expect(201);
      const response = await t
        .http()
        .post(`/playbooks/${created.body.id}/replay`)
        .auth(as('ANALYST'), bearer)
        .send(window(24))
        .expect(200);
      // Every alert whose source address is the asset's; A6 has no address.
      expect(response.body.matched.map((m: { alertId: string }) => m.alertId)).toEqual([
        ids.A1,
        ids.A2,
        ids['A3 low severity'],
        ids['A4 other source'],
        ids['A7 risk 69'],
      ]);
    });

    it('acts on nothing', async () => {
      await replay(window(24)).expect(200);
      expect(await t.prisma.action.count()).toBe(0);
      expect(await t.prisma.playbookRun.count()).toBe(0);
    });

    it.each([
      [{ from: 'yesterday' }, /from must be an ISO-8601/],
      [{ limit: 1001 }, /limit must not be greater than 1000/],
      [{ limit: 0 }, /limit must be at least 1/],
      [
        { from: new Date(now).toISOString(), to: new Date(now - HOUR).toISOString() },
        /from must be before to/,
      ],
      [{ extra: 1 }, /property extra should not exist/],
    ])('refuses %j with 400', async (body, message) => {
      const response = await replay(body).expect(400);
      expect(JSON.stringify(response.body.message)).toMatch(message);
    });

    it('is for ANALYST+ only, and 404 for a missing playbook', async () => {
      await replay(window(1), 'AUDITOR').expect(403);
      await t
        .http()
        .post(`/playbooks/${MISSING_ID}/replay`)
        .auth(as('ANALYST'), bearer)
        .send({})
        .expect(404);
    });
  });

  it('audits every change with actor, before/after and ip, and the chain verifies', async () => {
    await sealAudit(t);
    const audit = await get(
      `/audit?entityType=playbook&entityId=${brute.id}&limit=100`,
      'ADMIN',
    ).expect(200);
    const entries = (
      audit.body.items as {
        action: string;
        actorId: string;
        ip: string;
        data: { before: unknown; after: { version: number } };
      }[]
    )
      .slice()
      .reverse();
    expect(entries.map((e) => [e.action, e.data.after.version])).toEqual([
      ['playbook.created', 1],
      ['playbook.updated', 2],
      ['playbook.rolled_back', 3],
      ['playbook.updated', 4],
    ]);
    expect(entries[0].data.before).toBeNull();
    expect(entries[1]).toMatchObject({
      actorId: users.APPROVER.id,
      data: { before: { version: 1 }, after: { version: 2 } },
    });
    expect(entries[2].data.after).toMatchObject({ restoredFrom: 1 });
    for (const entry of entries) expect(entry.ip).toBeTruthy();
    const deleted = await get(
      `/audit?entityType=playbook&entityId=${phishing.id}&action=playbook.deleted`,
      'ADMIN',
    ).expect(200);
    expect(deleted.body.items[0]).toMatchObject({
      actorId: users.ADMIN.id,
      data: { after: { enabled: false } },
    });
    const verify = await get('/audit/verify').expect(200);
    expect(verify.body.valid).toBe(true);
  });
});
