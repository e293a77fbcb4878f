import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadAppConfig } from '../../src/config/app-config';
import { PrismaService } from '../../src/database/prisma.service';
import { PASSWORD } from '../factories/users.factory';
import { waitFor } from '../helpers/processes';
import { TEST_SECRETS } from '../helpers/test-app';

const bearer = { type: 'bearer' } as const;

/** A playbook run parked on approval and resumed, on the embedded default (PGlite). */
describe('Playbook runs on the embedded database (e2e smoke)', () => {
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

  it('isolates a host through the EDR simulator once an admin approves the step', async () => {
    const http = () => request(app.getHttpServer());
    const login = async (email: string) =>
      (await http().post('/auth/login').send({ email, password: PASSWORD }).expect(200)).body
        .accessToken as string;
    await http()
      .post('/auth/signup')
      .send({ email: 'admin@example.com', password: PASSWORD, name: 'Admin' })
      .expect(201);
    const admin = await login('admin@example.com');
    await http()
      .post('/users')
      .auth(admin, bearer)
      .send({ email: 'analyst@example.com', name: 'Analyst', role: 'ANALYST', password: PASSWORD })
      .expect(201);
    const analyst = await login('analyst@example.com');
    const { id: caseId } = await app
      .get(PrismaService)
      .case.create({ data: { title: 'Embedded case', severity: 'HIGH' } });
    const { body: playbook } = await http()
      .post('/playbooks')
      .auth(analyst, bearer)
      .set('content-type', 'application/yaml')
      .send(
        [
          'name: Contain',
          'steps:',
          '  - { id: isolate, action: isolate_host, params: { target: ws-embedded-2 } }',
          "  - { id: note, action: add_note, params: { note: 'isolated {{steps.isolate.output.output.hostname}}' } }",
        ].join('\n'),
      )
      .expect(201);

    const { body: parked } = await http()
      .post(`/playbooks/${playbook.id}/run`)
      .auth(analyst, bearer)
      .send({ caseId })
      .expect(201);
    const run = await waitFor('the run to park', async () => {
      const { body } = await http().get(`/playbook-runs/${parked.id}`).auth(admin, bearer);
      return body.status === 'WAITING_APPROVAL'
        ? (body as { steps: { actionId: string }[] })
        : undefined;
    });
    const actionId = run.steps[0].actionId;
    await http().patch(`/actions/${actionId}/approve`).auth(admin, bearer).expect(200);
    const executed = await http().patch(`/actions/${actionId}/execute`).auth(admin, bearer);
    expect([200, 202]).toContain(executed.status);

    const done = await waitFor(
      'the run to finish',
      async () => {
        const { body } = await http().get(`/playbook-runs/${parked.id}`).auth(admin, bearer);
        return ['COMPLETED', 'FAILED', 'REJECTED', 'EXPIRED'].includes(body.status)
          ? (body as { status: string; steps: { renderedParams: unknown }[] })
          : undefined;
      },
      60_000,
    );
    expect(done.status).toBe('COMPLETED');
    expect(done.steps[1].renderedParams).toEqual({ note: 'isolated ws-embedded-2' });
    const verify = await http().get('/audit/verify').auth(admin, bearer).expect(200);
    expect(verify.body.valid).toBe(true);
  }, 90_000);
});
