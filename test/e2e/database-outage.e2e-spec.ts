import { expectAuditChainValid } from '../helpers/audit';
import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { createTestDatabase } from '../helpers/test-database';
import { TcpProxy, type OutageMode } from '../helpers/tcp-proxy';

/** The promise to clients (issue 8): a 503 within 3 s, whatever form the outage takes. */
const OUTAGE_ANSWER_MS = 3000;
/** Recovery is polled; the bound only ends a test that would never recover. */
const RECOVERY_DEADLINE_MS = 30_000;
/** Small, so concurrent requests exhaust it: waiting for a connection must time out too. */
const POOL_SIZE = 2;

interface Probe {
  status: number;
  body: { message?: unknown };
  retryAfter?: string;
  elapsed: number;
}

describe('PostgreSQL outages (e2e)', () => {
  let t: TestApp;
  let proxy: TcpProxy;
  let users: RoleTokens;
  let key: string;
  let drop: () => Promise<void>;
  const accepted: string[] = [];
  let sent = 0;

  const timed = async (
    request: () => PromiseLike<{ status: number; body: unknown; headers: Record<string, string> }>,
  ): Promise<Probe> => {
    const started = performance.now();
    const response = await request();
    return {
      status: response.status,
      body: response.body as Probe['body'],
      retryAfter: response.headers['retry-after'],
      elapsed: performance.now() - started,
    };
  };
  const ingest = async () => {
    const probe = await timed(() =>
      t
        .http()
        .post('/alerts/webhook/wazuh')
        .set('x-api-key', key)
        .send(wazuhAlert({ id: `outage-${sent++}` })),
    );
    if (probe.status === 202) accepted.push((probe.body as { alertId: string }).alertId);
    return probe;
  };
  const readAlerts = () =>
    timed(() => t.http().get('/alerts').auth(users.ANALYST.token, { type: 'bearer' }));
  const ready = () => timed(() => t.http().get('/health/ready'));

  const expectUnavailable = (probe: Probe) => {
    expect(probe).toMatchObject({
      status: 503,
      body: { message: expect.stringMatching(/database/i) },
      retryAfter: expect.stringMatching(/^\d+$/),
    });
    expect(probe.elapsed).toBeLessThan(OUTAGE_ANSWER_MS);
  };

  const expectOutageAnswers = async () => {
    expectUnavailable(await readAlerts());
    expectUnavailable(await ingest());
    const readiness = await ready();
    expect(readiness.status).toBe(503);
    expect(readiness.elapsed).toBeLessThan(OUTAGE_ANSWER_MS);
    // More requests at once than the pool has connections: none may queue past the deadline.
    const burst = await Promise.all([
      ...Array.from({ length: POOL_SIZE + 2 }, () => readAlerts()),
      ...Array.from({ length: POOL_SIZE + 2 }, () => ingest()),
    ]);
    burst.forEach(expectUnavailable);
    expect((await t.http().get('/health')).status).toBe(200);
  };

  const waitForRecovery = async () => {
    const deadline = Date.now() + RECOVERY_DEADLINE_MS;
    for (;;) {
      const statuses = [
        (await ingest()).status,
        (await readAlerts()).status,
        (await ready()).status,
      ];
      if (statuses.join() === '202,200,200') return;
      if (Date.now() > deadline) throw new Error(`Not recovered: ${statuses.join()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    const target = new URL(database.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    t = await startTestApp({
      DATABASE_URL: proxy.rewrite(database.url),
      DB_POOL_SIZE: String(POOL_SIZE),
    });
    users = await createRoleUsers(t);
    key = (await createIngestKey(t, users.ADMIN.token)).key;
  });

  afterAll(async () => {
    await proxy.heal();
    await t.close();
    await proxy.stop();
    await drop();
  });

  it.each<OutageMode>(['refused', 'cut', 'silent'])(
    'database %s: reads, ingestion and readiness answer 503 within 3 s, then recover by themselves',
    async (mode) => {
      expect((await ingest()).status).toBe(202);
      expect((await readAlerts()).status).toBe(200);

      await proxy.fail(mode);
      try {
        await expectOutageAnswers();
      } finally {
        await proxy.heal();
      }
      await waitForRecovery();
    },
    RECOVERY_DEADLINE_MS * 2,
  );
  it('wrote nothing half: exactly the acknowledged alerts exist, each with its job', async () => {
    const alerts = await t.prisma.alert.findMany({ select: { id: true, jobId: true } });
    expect(alerts.map((alert) => alert.id).sort()).toEqual([...accepted].sort());
    const [{ jobs }] = await t.prisma.$queryRaw<{ jobs: bigint }[]>`
      SELECT count(*) AS jobs FROM pgboss.job WHERE name = 'alert.process' AND id = ANY(${alerts.map((a) => a.jobId)}::uuid[])`;
    expect(Number(jobs)).toBe(alerts.length);
  });

  it('leaves the audit chain valid', async () => {
    await expectAuditChainValid(t, users.AUDITOR.token);
  });
});
