import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { PgListener } from '../../src/database/pg-listener';
import { API_KEY_REVOKED_CHANNEL } from '../../src/modules/auth/api-keys.service';
import { createIngestKey } from '../factories/ingest.factory';
import { login, signup } from '../factories/users.factory';
import { startServerProcess, stopProcess, waitFor } from '../helpers/processes';
import { startTestApp, type TestApp } from '../helpers/test-app';

/**
 * Revocation across processes: this file's app and a second server process share one
 * database; a key revoked through one is refused by the other.
 */
describe('Ingest key revocation across processes (e2e)', () => {
  let t: TestApp;
  let adminToken: string;
  let other: { child: ChildProcess; url: string };

  const ingestOnOther = (key: string) =>
    fetch(`${other.url}/alerts/webhook`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify({ title: 'revocation probe' }),
    }).then((response) => response.status);

  beforeAll(async () => {
    t = await startTestApp();
    await signup(t, 'admin@example.com');
    adminToken = await login(t, 'admin@example.com');
    other = await startServerProcess({ DATABASE_URL: t.databaseUrl });
  });
  afterAll(async () => {
    await stopProcess(other.child);
    await t.close();
  });

  it('NOTIFYs the revoked key id on revoke', async () => {
    const received: string[] = [];
    const listener = new PgListener({
      connection: { connectionString: t.databaseUrl },
      channel: API_KEY_REVOKED_CHANNEL,
      onNotify: (payload) => received.push(payload),
      onConnected: () => undefined,
    });
    await listener.start();
    try {
      const key = await createIngestKey(t, adminToken, 'notified');
      await t.http().delete(`/api-keys/${key.id}`).auth(adminToken, { type: 'bearer' }).expect(204);
      await waitFor(
        'the revocation notification',
        () => Promise.resolve(received.includes(key.id)),
        10_000,
      );
    } finally {
      await listener.stop();
    }
  });

  it('makes the other process refuse a key it had cached, once revoked here', async () => {
    const key = await createIngestKey(t, adminToken, 'shared');
    await waitFor('the other process to accept the new key', async () => {
      return (await ingestOnOther(key.key)) === 202;
    });
    expect(await ingestOnOther(key.key)).toBe(202);
    await t.http().delete(`/api-keys/${key.id}`).auth(adminToken, { type: 'bearer' }).expect(204);
    const revokedAt = performance.now();
    await waitFor(
      'the other process to refuse the revoked key',
      async () => (await ingestOnOther(key.key)) === 401,
      10_000,
      10,
    );
    // Measured, not asserted (the promise is one second): see the README's ingest section.
    const elapsedMs = Math.round(performance.now() - revokedAt);
    process.stderr.write(`revoked key refused by the other process after ${elapsedMs} ms\n`);
  });
});

describe(PgListener.name, () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('reconnects after its connection is killed, tells so, and hears later notifications', async () => {
    const received: string[] = [];
    let connections = 0;
    const listener = new PgListener({
      connection: { connectionString: t.databaseUrl, application_name: 'listener-under-test' },
      channel: 'listener_test',
      onNotify: (payload) => received.push(payload),
      onConnected: () => connections++,
    });
    const notifier = new Client({ connectionString: t.databaseUrl });
    await notifier.connect();
    try {
      await listener.start();
      expect(connections).toBe(1);
      await notifier.query(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'listener-under-test'`,
      );
      await waitFor('the listener to reconnect', () => Promise.resolve(connections === 2), 15_000);
      await notifier.query(`NOTIFY listener_test, 'after-reconnect'`);
      await waitFor(
        'the notification',
        () => Promise.resolve(received.includes('after-reconnect')),
        10_000,
      );
    } finally {
      await listener.stop();
      await notifier.end();
    }
  });
});
