import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../src/generated/prisma/client';
import { StuckAlertSweeper } from '../../src/modules/alerts';
import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { waitForProcessed } from '../helpers/alerts';
import { waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';

// A fault injected in the database: storing the analysis of the "poison" alert fails until the
// trigger is dropped, so every attempt of its job fails for real.
const INJECT_FAULT = [
  `CREATE FUNCTION reject_poison() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     IF NEW.normalized IS NOT NULL AND NEW.raw_payload->>'id' = 'poison' THEN
       RAISE EXCEPTION 'injected fault';
     END IF;
     RETURN NEW;
   END $$`,
  `CREATE TRIGGER reject_poison BEFORE UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION reject_poison()`,
];

interface JobView {
  id: string;
  state: string;
  alertId: string | null;
  retryCount: number;
  error: string | null;
}

describe('Failed jobs and the stuck-alert sweep (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let key: string;
  const bearer = { type: 'bearer' } as const;

  beforeAll(async () => {
    t = await startTestApp({ WORKERS: '1', ALERT_STUCK_TIMEOUT_SECONDS: '10' });
    users = await createRoleUsers(t);
    key = (await createIngestKey(t, users.ADMIN.token)).key;
  });
  afterAll(() => t.close());

  it('fails a job after 3 retries, lists it as failed, and a retry processes the alert', async () => {
    for (const statement of INJECT_FAULT) await t.prisma.$executeRawUnsafe(statement);
    const { alertId, jobId } = (
      await t
        .http()
        .post('/alerts/webhook/wazuh')
        .set('x-api-key', key)
        .send(wazuhAlert({ id: 'poison' }))
        .expect(202)
    ).body as { alertId: string; jobId: string };

    const failed = await waitForProcessed(t, users.ANALYST.token, alertId, 60_000);
    expect(failed).toMatchObject({ state: 'FAILED' });
    expect(failed.processingError).toMatch(/injected fault/);
    const listed = (
      await t.http().get('/jobs?state=failed').auth(users.ADMIN.token, bearer).expect(200)
    ).body as { items: JobView[] };
    expect(listed.items).toEqual([
      expect.objectContaining({ id: jobId, alertId, state: 'failed', retryCount: 3 }),
    ]);
    expect(listed.items[0].error).toMatch(/injected fault/);

    await t.prisma.$executeRawUnsafe('DROP TRIGGER reject_poison ON alerts');
    const retried = await t
      .http()
      .post(`/jobs/${jobId}/retry`)
      .auth(users.ADMIN.token, bearer)
      .expect(200);
    expect(retried.body).toMatchObject({
      id: jobId,
      state: expect.stringMatching(/queued|processing|done/),
    });
    const processed = await waitFor('the retried alert to be processed', async () => {
      const alert = await t.prisma.alert.findUniqueOrThrow({ where: { id: alertId } });
      return alert.state === 'PROCESSED' ? alert : undefined;
    });
    expect(processed.riskScore).toEqual(expect.any(Number));
  }, 90_000);

  it('re-queues an alert whose job was lost, and it gets processed', async () => {
    const lostJobId = randomUUID();
    const orphan = await t.prisma.alert.create({
      data: {
        source: 'wazuh',
        connector: 'wazuh',
        rawPayload: wazuhAlert({ id: 'orphan' }) as Prisma.InputJsonObject,
        receivedAt: new Date(Date.now() - 3_600_000),
        jobId: lostJobId,
      },
    });

    // The sweep also runs every minute on its own; calling it here just saves the wait.
    await t.app.get(StuckAlertSweeper).sweep();
    const processed = await waitFor('the orphaned alert to be processed', async () => {
      const alert = await t.prisma.alert.findUniqueOrThrow({ where: { id: orphan.id } });
      return alert.state === 'PROCESSED' ? alert : undefined;
    });
    expect(processed.jobId).not.toBe(lostJobId);
    const job = await t.http().get(`/jobs/${processed.jobId}`).auth(users.ANALYST.token, bearer);
    expect(job.body).toMatchObject({ alertId: orphan.id, state: 'done' });
  });
});
