import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadAppConfig } from '../../src/config/app-config';
import { wazuhAlert } from '../factories/ingest.factory';
import type { AlertView } from '../helpers/alerts';
import { waitFor } from '../helpers/processes';
import { TEST_SECRETS } from '../helpers/test-app';

/** Smoke suite on the embedded default: no DATABASE_URL, PGlite under DATA_DIR. */
describe('Embedded PGlite database (e2e smoke)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mini-soar-embedded-'));
  let app: NestFastifyApplication | undefined;

  const start = async (workers = '0') => {
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      BCRYPT_ROUNDS: '4',
      WORKERS: workers,
      ...TEST_SECRETS,
    });
    app = await createApp(config);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    return request(app.getHttpServer());
  };
  const stop = async () => {
    await app?.close();
    app = undefined;
  };

  afterAll(async () => {
    await stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves signup, login and /auth/me, and keeps the data across a restart', async () => {
    let http = await start();
    const ready = await http.get('/health/ready').expect(200);
    expect(ready.body.info.database.mode).toBe('embedded');
    await http
      .post('/auth/signup')
      .send({ email: 'admin@example.com', password: 'embedded-pass', name: 'A' })
      .expect(201);
    await stop();

    http = await start();
    const login = await http
      .post('/auth/login')
      .send({ email: 'admin@example.com', password: 'embedded-pass' })
      .expect(200);
    const me = await http
      .get('/auth/me')
      .auth(login.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({ email: 'admin@example.com', role: 'ADMIN' });
    const verify = await http
      .get('/audit/verify')
      .auth(login.body.accessToken, { type: 'bearer' })
      .expect(200);
    expect(verify.body.valid).toBe(true);
    await http
      .post('/auth/signup')
      .send({ email: 'admin@example.com', password: 'embedded-pass', name: 'A' })
      .expect(409);
  });

  it('runs the whole alert pipeline on the embedded database', async () => {
    await stop();
    const http = await start('1');
    const login = await http
      .post('/auth/login')
      .send({ email: 'admin@example.com', password: 'embedded-pass' })
      .expect(200);
    const token = login.body.accessToken as string;
    const { key } = (
      await http
        .post('/api-keys')
        .auth(token, { type: 'bearer' })
        .send({ name: 'embedded-wazuh', source: 'wazuh' })
        .expect(201)
    ).body as { key: string };
    const { alertId } = (
      await http
        .post('/alerts/webhook/wazuh')
        .set('x-api-key', key)
        .send(wazuhAlert({ data: { srcip: '198.51.100.23' } }))
        .expect(202)
    ).body as { alertId: string };

    const alert = await waitFor('the alert to be processed', async () => {
      const { body } = await http.get(`/alerts/${alertId}`).auth(token, { type: 'bearer' });
      return body.state === 'PROCESSED' ? (body as AlertView) : undefined;
    });
    expect(alert.riskScore).toEqual(expect.any(Number));
    const attacker = alert.observables.find((o) => o.value === '198.51.100.23');
    expect(attacker?.enrichments).toEqual([
      expect.objectContaining({ provider: 'mock', verdict: expect.any(String) }),
    ]);
    await stop();
  });

  it('runs a case through triage, a merge and closing on the embedded database', async () => {
    await stop();
    const http = await start();
    const bearer = { type: 'bearer' } as const;
    const token = (
      await http
        .post('/auth/login')
        .send({ email: 'admin@example.com', password: 'embedded-pass' })
        .expect(200)
    ).body.accessToken as string;
    const open = async (title: string) =>
      (await http.post('/cases').auth(token, bearer).send({ title }).expect(201)).body as {
        id: string;
        dueAt: string;
      };
    const kept = await open('Embedded case');
    const duplicate = await open('Embedded duplicate');
    expect(kept.dueAt).toEqual(expect.any(String));
    await http
      .patch(`/cases/${kept.id}`)
      .auth(token, bearer)
      .send({ status: 'INVESTIGATING' })
      .expect(200);
    await http
      .post(`/cases/${duplicate.id}/notes`)
      .auth(token, bearer)
      .send({ note: 'same host' })
      .expect(201);
    await http
      .post(`/cases/${kept.id}/merge`)
      .auth(token, bearer)
      .send({ caseIds: [duplicate.id] })
      .expect(200);
    await http
      .patch(`/cases/${kept.id}`)
      .auth(token, bearer)
      .send({ status: 'CLOSED', resolution: 'TRUE_POSITIVE' })
      .expect(200);
    const detail = await http.get(`/cases/${kept.id}`).auth(token, bearer).expect(200);
    expect(detail.body).toMatchObject({ status: 'CLOSED', notes: [{ note: 'same host' }] });
    const folded = await http.get(`/cases/${duplicate.id}`).auth(token, bearer).expect(200);
    expect(folded.body).toMatchObject({ resolution: 'DUPLICATE', mergedIntoId: kept.id });
    const verify = await http.get('/audit/verify').auth(token, bearer).expect(200);
    expect(verify.body.valid).toBe(true);
    await stop();
  });

  it('refuses a second process on the same data folder', async () => {
    await stop();
    // Another live process owns the lock: the parent process stands in for it.
    writeFileSync(join(dataDir, 'pglite.lock'), String(process.ppid));
    const config = loadAppConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      WORKERS: '0',
      ...TEST_SECRETS,
    });
    await expect(createApp(config)).rejects.toThrow(`in use by process ${process.ppid}`);
    rmSync(join(dataDir, 'pglite.lock'));
  });

  it('takes over the lock of a process that died', async () => {
    writeFileSync(join(dataDir, 'pglite.lock'), '999999999');
    const http = await start();
    await http.get('/health/ready').expect(200);
  });
});
