import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { parse } from 'yaml';
import { createApp } from '../../src/app.factory';
import { loadAppConfig } from '../../src/config/app-config';
import { PASSWORD } from '../factories/users.factory';
import { TEST_SECRETS } from '../helpers/test-app';

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
  const dataDir = mkdtempSync(join(tmpdir(), 'mini-soar-playbooks-embedded-'));
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      BCRYPT_ROUNDS: '4',
      WORKERS: '1',
      ...TEST_SECRETS,
    });
    app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
  });

  afterAll(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('saves YAML, versions, rolls back, exports and replays a processed alert', async () => {
    const http = () => request(app.getHttpServer());
    const bearer = { type: 'bearer' } as const;
    await http()
      .post('/auth/signup')
      .send({ email: 'admin@example.com', password: PASSWORD, name: 'Admin' })
      .expect(201);
    const admin = (
      await http()
        .post('/auth/login')
        .send({ email: 'admin@example.com', password: PASSWORD })
        .expect(200)
    ).body.accessToken as string;
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
