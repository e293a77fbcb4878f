import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { createRoleUsers } from '../factories/users.factory';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestDatabase } from '../helpers/test-database';
import { TcpProxy } from '../helpers/tcp-proxy';

const OUTAGE_ANSWER_MS = 5000;

describe('PostgreSQL outage during ingestion (e2e)', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let key: string;
  let drop: () => Promise<void>;
  const accepted: string[] = [];

  const send = async (title: string) => {
    const started = Date.now();
    const response = await t
      .http()
      .post('/alerts/webhook/wazuh')
      .set('x-api-key', key)
      .send(wazuhAlert({ id: title }));
    if (response.status === 202) accepted.push(response.body.alertId);
    return { status: response.status, body: response.body, elapsed: Date.now() - started };
  };

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const target = new URL(database.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    t = await startTestApp({ DATABASE_URL: proxy.rewrite(database.url) });
    const users = await createRoleUsers(t);
    key = (await createIngestKey(t, users.ADMIN.token)).key;
  });

  afterAll(async () => {
    await proxy.restore().catch(() => undefined);
    await t.close();
    await proxy.stop();
    await drop();
  });

  it('answers 503 within seconds while the database is down, then recovers by itself', async () => {
    for (let i = 0; i < 5; i++) expect((await send(`before-${i}`)).status).toBe(202);

    await proxy.cut();
    for (let i = 0; i < 3; i++) {
      const during = await send(`during-${i}`);
      expect(during.status).toBe(503);
      expect(during.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringMatching(/database/i),
      });
      expect(during.elapsed).toBeLessThan(OUTAGE_ANSWER_MS);
    }
    await t.http().get('/health/ready').expect(503);
    await t.http().get('/health').expect(200);

    await proxy.restore();
    let recovered = false;
    for (let attempt = 0; attempt < 50 && !recovered; attempt++) {
      recovered = (await send(`after-${attempt}`)).status === 202;
      if (!recovered) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(recovered).toBe(true);
    await t.http().get('/health/ready').expect(200);
  });

  it('wrote nothing half: exactly the acknowledged alerts exist, each with its job', async () => {
    const alerts = await t.prisma.alert.findMany({ select: { id: true, jobId: true } });
    expect(alerts.map((alert) => alert.id).sort()).toEqual([...accepted].sort());
    const [{ jobs }] = await t.prisma.$queryRaw<{ jobs: bigint }[]>`
      SELECT count(*) AS jobs FROM pgboss.job WHERE name = 'alert.process' AND id = ANY(${alerts.map((a) => a.jobId)}::uuid[])`;
    expect(Number(jobs)).toBe(alerts.length);
  });
});
