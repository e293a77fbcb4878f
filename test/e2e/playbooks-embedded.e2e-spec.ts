import { startEmbeddedApp, type EmbeddedApp } from '../helpers/embedded-app';
import { parse } from 'yaml';

const DEFINITION = `
name: Embedded smoke
trigger:
  condition:
    all:
      - { field: normalized.srcIp, op: matches, value: "^203\\\\.0\\\\.113\\\\." }
      - { field: riskScore, op: gte, value: 0 }
steps:
  - id: note
    action: add_note
    params: { note: "Seen {{alert.normalized.srcIp}}" }
    if: { field: observables, op: contains, value: { type: ipv4 } }
`;

/** Definitions, versions and replay on the embedded default (PGlite, no DATABASE_URL). */
describe('Playbooks on the embedded database (e2e smoke)', () => {
  let embedded: EmbeddedApp;

  beforeAll(async () => {
    embedded = await startEmbeddedApp('playbooks-embedded');
  });
  afterAll(() => embedded.close());

  it('saves YAML, versions, rolls back, exports and replays a processed alert', async () => {
    const { http } = embedded;
    const bearer = { type: 'bearer' } as const;
    const admin = await embedded.admin();
    const ingested = await http()
      .post('/alerts/webhook')
      .auth(admin, bearer)
      .send({ title: 'Embedded replay', src_ip: '203.0.113.44', severity: 'high' })
      .expect(202);
    const alertId = ingested.body.alertId as string;
    const processed = await http()
      .get(`/alerts/${alertId}?wait=30`)
      .auth(admin, bearer)
      .expect(200);
    expect(processed.body.state).toBe('PROCESSED');

    const created = await http()
      .post('/playbooks')
      .auth(admin, bearer)
      .set('Content-Type', 'application/yaml')
      .send(DEFINITION)
      .expect(201);
    const id = created.body.id as string;
    await http()
      .put(`/playbooks/${id}`)
      .auth(admin, bearer)
      .send({ ...created.body.definition, description: 'second' })
      .expect(200);
    const rolledBack = await http()
      .post(`/playbooks/${id}/rollback`)
      .auth(admin, bearer)
      .send({ version: 1 })
      .expect(200);
    expect(rolledBack.body).toMatchObject({
      currentVersion: 3,
      definition: created.body.definition,
    });
    const exported = await http().get(`/playbooks/${id}/export`).auth(admin, bearer).expect(200);
    expect(parse(exported.text)).toEqual(created.body.definition);

    const replay = await http()
      .post(`/playbooks/${id}/replay`)
      .auth(admin, bearer)
      .send({ from: new Date(Date.now() - 3600_000).toISOString() })
      .expect(200);
    expect(replay.body).toMatchObject({
      evaluated: 1,
      matched: [{ alertId, steps: [{ id: 'note', action: 'add_note', wouldRun: true }] }],
    });
    const verify = await http().get('/audit/verify').auth(admin, bearer).expect(200);
    expect(verify.body.valid).toBe(true);
  }, 90_000);
});
