import type { ChildProcess } from 'node:child_process';
import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { createRoleUsers } from '../factories/users.factory';
import { VirusTotalFake } from '../fakes/virustotal.fake';
import { startWorkerProcess, stopProcess, waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';

const ATTACKER = '203.0.113.66';
const VT_KEY = `ip_addresses/${ATTACKER}`;

describe('Worker killed mid-job (e2e)', () => {
  let t: TestApp;
  let vt: VirusTotalFake;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    vt = await new VirusTotalFake().start();
    vt.setObject(VT_KEY, { malicious: 14, harmless: 50 });
    // The first lookup never answers: the worker is stuck mid-job when it is killed.
    vt.answer(VT_KEY, 'hang', 'ok');
    t = await startTestApp({
      VT_API_KEY: vt.apiKey,
      VT_BASE_URL: vt.url,
      MOCK_ENRICHMENT: 'false',
      // Jobs take the queue's heartbeat when written: the shortest pg-boss allows, so the dead
      // worker's job is failed over in seconds.
      QUEUE_HEARTBEAT_SECONDS: '10',
    });
  });

  afterAll(async () => {
    for (const worker of workers) await stopProcess(worker, 'SIGKILL');
    await t.close();
    await vt.stop();
  });

  it('processes the alert after a SIGKILL: one alert row, one case', async () => {
    const users = await createRoleUsers(t);
    const { key } = await createIngestKey(t, users.ADMIN.token);
    const alert = wazuhAlert({
      rule: { level: 15, id: '100100', description: 'Malware callback', groups: ['ids'] },
      data: { srcip: ATTACKER },
    });
    const { alertId } = (
      await t.http().post('/alerts/webhook/wazuh').set('x-api-key', key).send(alert).expect(202)
    ).body as { alertId: string };

    const workerEnv = {
      DATABASE_URL: t.databaseUrl,
      WORKERS: '1',
      VT_API_KEY: vt.apiKey,
      VT_BASE_URL: vt.url,
      MOCK_ENRICHMENT: 'false',
      QUEUE_HEARTBEAT_SECONDS: '10',
      QUEUE_MONITOR_INTERVAL_SECONDS: '1',
    };
    const first = startWorkerProcess(workerEnv);
    workers.push(first);
    await waitFor('the worker to reach enrichment', () =>
      Promise.resolve(vt.requestsFor(VT_KEY) === 1),
    );
    expect((await t.prisma.alert.findUniqueOrThrow({ where: { id: alertId } })).state).toBe(
      'PROCESSING',
    );
    await stopProcess(first, 'SIGKILL');

    workers.push(startWorkerProcess(workerEnv));
    const processed = await waitFor(
      'the alert to be processed by the second worker',
      async () => {
        const row = await t.prisma.alert.findUniqueOrThrow({ where: { id: alertId } });
        return row.state === 'PROCESSED' ? row : undefined;
      },
      60_000,
    );

    expect(processed).toMatchObject({ severity: 'CRITICAL', caseId: expect.any(String) });
    expect(await t.prisma.alert.count()).toBe(1);
    expect(await t.prisma.case.count()).toBe(1);
    expect(await t.prisma.observable.count({ where: { alertId, value: ATTACKER } })).toBe(1);
    expect(vt.requestsFor(VT_KEY)).toBe(2);
  }, 90_000);
});
