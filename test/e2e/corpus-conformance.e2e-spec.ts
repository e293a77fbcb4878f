import { existsSync } from 'node:fs';
import path from 'node:path';
import { waitForProcessed } from '../helpers/alerts';
import { runCorpusConformance } from '../helpers/corpus-conformance';
import { createIngestKey } from '../factories/ingest.factory';
import { createRoleUsers } from '../factories/users.factory';
import { startTestApp, type TestApp } from '../helpers/test-app';

const corpusDir = process.env.CORPUS_DIR ?? path.resolve(__dirname, '../../../shared/corpus');
/** Runs whenever the corpus is there (it is in CI); a CORPUS_DIR that does not exist fails. */
const describeWithCorpus =
  process.env.CORPUS_DIR || existsSync(corpusDir) ? describe : describe.skip;

describeWithCorpus('Corpus conformance through the HTTP API (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ WORKERS: '2' });
  });
  afterAll(() => t.close());

  it('normalizes real alerts of every tool and finds their indicators', async () => {
    const users = await createRoleUsers(t);
    const { key } = await createIngestKey(t, users.ADMIN.token, 'corpus');
    const report = await runCorpusConformance(corpusDir, async (connector, payload) => {
      const accepted = await t
        .http()
        .post(`/alerts/webhook/${connector}`)
        .set('x-api-key', key)
        .send(payload)
        .expect(202);
      const alert = await waitForProcessed(
        t,
        users.ANALYST.token,
        (accepted.body as { alertId: string }).alertId,
      );
      expect(alert.state).toBe('PROCESSED');
      return { normalized: alert.normalized ?? {}, observables: alert.observables };
    });
    console.log(`Corpus conformance through POST /alerts/webhook/:connector\n${report.text}`);
    expect(report.files).toBeGreaterThan(0);
    expect(report.iocs.recall).toBeGreaterThanOrEqual(0.95);
    expect(report.iocs.precision).toBeGreaterThanOrEqual(0.9);
    expect(report.fields.accuracy).toBeGreaterThanOrEqual(0.9);
  }, 120_000);
});
