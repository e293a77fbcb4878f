import { expectAuditChainValid } from '../helpers/audit';
import { createIngestKey, wazuhAlert } from '../factories/ingest.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { waitForProcessed } from '../helpers/alerts';
import { startTestApp, type TestApp } from '../helpers/test-app';

const FIRST_HASH = 'a'.repeat(63) + '1';
const NEW_HASH = 'b'.repeat(63) + '2';

/** The same Wazuh rule, attacker and host each time; only the file hash in the log varies. */
const malwareAlert = (id: string, hashes: string[]) =>
  wazuhAlert({
    id,
    rule: { level: 12, id: '554', description: 'File added to the system with a bad hash' },
    full_log: `syscheck: new file /tmp/dropper ${hashes.map((h) => `sha256=${h}`).join(' ')}`,
  });

describe('Deduplication never hides indicators (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let key: string;
  const bearer = { type: 'bearer' } as const;

  const ingest = async (body: object) =>
    (
      (await t.http().post('/alerts/webhook/wazuh').set('x-api-key', key).send(body).expect(202))
        .body as { alertId: string }
    ).alertId;
  const processed = async (body: object) =>
    waitForProcessed(t, users.ANALYST.token, await ingest(body));

  beforeAll(async () => {
    t = await startTestApp({ WORKERS: '1' });
    users = await createRoleUsers(t);
    key = (await createIngestKey(t, users.ADMIN.token)).key;
  });
  afterAll(() => t.close());

  it('folds a repeat with no new observable, and keeps a repeat with a new hash as its own alert', async () => {
    const original = await processed(malwareAlert('m-1', [FIRST_HASH]));
    const sameAgain = await processed(malwareAlert('m-2', [FIRST_HASH]));
    expect(sameAgain.duplicateOfId).toBe(original.id);
    const folded = await t
      .http()
      .get(`/audit?entityId=${sameAgain.id}`)
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(folded.body.items).toEqual([
      expect.objectContaining({
        action: 'alert.closed_as_duplicate',
        actorType: 'system',
        actorLabel: 'alert-pipeline',
        data: {
          before: { status: 'NEW' },
          after: { status: 'CLOSED', duplicateOfId: original.id },
        },
      }),
    ]);

    const withNewHash = await processed(malwareAlert('m-3', [NEW_HASH]));
    expect(withNewHash).toMatchObject({ duplicateOfId: null, status: 'NEW', state: 'PROCESSED' });
    expect(withNewHash.observables.find((o) => o.value === NEW_HASH)).toMatchObject({
      type: 'sha256',
      enrichments: [expect.objectContaining({ provider: 'mock' })],
    });
    // Its score counts the earlier sightings of the same fingerprint.
    expect(withNewHash.scoreBreakdown?.map((entry) => entry.factor)).toContain('recurrence');

    // An analyst finds the new hash, on an alert that is not hidden as a duplicate.
    const sighting = await t
      .http()
      .get(`/observables?value=${NEW_HASH}`)
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect(sighting.body.items[0].alerts).toEqual([
      expect.objectContaining({ id: withNewHash.id }),
    ]);
    const listed = await t
      .http()
      .get(`/alerts?hash=${NEW_HASH}`)
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([withNewHash.id]);

    // Later repeats fold into the first alert that already shows all of their observables.
    expect((await processed(malwareAlert('m-4', [NEW_HASH]))).duplicateOfId).toBe(withNewHash.id);
    expect((await processed(malwareAlert('m-5', []))).duplicateOfId).toBe(original.id);
    const both = await processed(malwareAlert('m-6', [FIRST_HASH, NEW_HASH]));
    expect(both.duplicateOfId).toBeNull();
    expect((await waitForProcessed(t, users.ANALYST.token, original.id)).occurrences).toBe(3);
  });

  it('leaves the audit chain valid', async () => {
    await expectAuditChainValid(t, users.AUDITOR.token);
  });
});
