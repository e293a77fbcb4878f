import type { ChildProcess } from 'node:child_process';
import { createIngestKey } from '../factories/ingest.factory';
import { createRoleUsers } from '../factories/users.factory';
import { startWorkerProcess, stopProcess, waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';

const FINGERPRINTS = 10;
const REPEATS = 4;

/** A critical detection; the same `n` is the same rule and indicator, so the same fingerprint. */
const beacon = (n: number, copy: number) => ({
  title: `Malware beacon ${n}`,
  severity: 'critical',
  rule: `beacon-${n}`,
  event_id: `beacon-${n}-${copy}`,
  src_ip: '10.0.0.5',
  url: `http://malicious-c2-${n}.example/beacon`,
});

describe('Two worker processes on one PostgreSQL (e2e)', () => {
  let t: TestApp;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    for (const worker of workers) await stopProcess(worker);
    await t.close();
  });

  it('processes every alert once: one original and one case per fingerprint', async () => {
    const users = await createRoleUsers(t);
    const { key } = await createIngestKey(t, users.ADMIN.token);
    const alerts = Array.from({ length: FINGERPRINTS * REPEATS }, (_, i) =>
      beacon(i % FINGERPRINTS, Math.floor(i / FINGERPRINTS)),
    );
    await t.http().post('/alerts/webhook/generic').set('x-api-key', key).send(alerts).expect(202);

    for (let i = 0; i < 2; i++)
      workers.push(startWorkerProcess({ DATABASE_URL: t.databaseUrl, WORKERS: '2' }));
    await waitFor(
      'every alert to be processed',
      async () => (await t.prisma.alert.count({ where: { state: 'PROCESSED' } })) === alerts.length,
      60_000,
    );

    const originals = await t.prisma.alert.findMany({ where: { duplicateOfId: null } });
    expect(originals).toHaveLength(FINGERPRINTS);
    expect(new Set(originals.map((alert) => alert.fingerprint)).size).toBe(FINGERPRINTS);
    for (const original of originals) {
      expect(original.occurrences).toBe(REPEATS);
      expect(original.caseId).toEqual(expect.any(String));
    }
    expect(await t.prisma.alert.count({ where: { duplicateOfId: { not: null } } })).toBe(
      FINGERPRINTS * (REPEATS - 1),
    );
    expect(await t.prisma.case.count()).toBe(FINGERPRINTS);
    const [{ retried }] = await t.prisma.$queryRaw<{ retried: bigint }[]>`
      SELECT count(*) AS retried FROM pgboss.job WHERE name = 'alert.process' AND retry_count > 0`;
    expect(Number(retried)).toBe(0);
  }, 90_000);
});
