import { createPublicKey, verify as verifySignature } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'pg';
import { AuditAction } from '../../src/modules/audit/audit-action';
import { AuditCheckpointEmitter } from '../../src/modules/audit/audit-checkpoint.emitter';
import { AuditService } from '../../src/modules/audit/audit.service';
import { createRoleUsers, login, type RoleTokens } from '../factories/users.factory';
import {
  asTableOwner,
  hmacLink,
  rewriteAndRechain,
  sha256Link,
  truncateTail,
} from '../helpers/audit-tamper';
import { sealAudit } from '../helpers/audit';
import { runSql } from '../helpers/sql';
import { startTestApp, TEST_SECRETS, type TestApp } from '../helpers/test-app';

const bearer = { type: 'bearer' } as const;

interface Verification {
  valid: boolean;
  checked: number;
  firstBrokenId?: string;
  reason?: string;
}

interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  signature: string;
}

const encode = (checkpoint: unknown) => Buffer.from(JSON.stringify(checkpoint)).toString('base64');

/** An app with its role users, and shortcuts to the audit endpoints as AUDITOR. */
function auditHarness() {
  const h = {} as {
    t: TestApp;
    users: RoleTokens;
    verify: (checkpoint?: Checkpoint) => Promise<Verification>;
    checkpoint: () => Promise<Checkpoint>;
    entries: () => Promise<{ id: string; seq: string }[]>;
  };
  h.verify = async (checkpoint) => {
    const query = checkpoint ? `?checkpoint=${encodeURIComponent(encode(checkpoint))}` : '';
    return (
      await h.t.http().get(`/audit/verify${query}`).auth(h.users.AUDITOR.token, bearer).expect(200)
    ).body as Verification;
  };
  h.checkpoint = async () =>
    (await h.t.http().get('/audit/checkpoint').auth(h.users.AUDITOR.token, bearer).expect(200))
      .body as Checkpoint;
  h.entries = async () => {
    await sealAudit(h.t);
    return runSql<{ id: string; seq: string }>(
      h.t.databaseUrl,
      'SELECT id, seq FROM audit_log ORDER BY seq',
    );
  };
  return h;
}

describe('Audit log (e2e)', () => {
  const h = auditHarness();

  beforeAll(async () => {
    h.t = await startTestApp();
    h.users = await createRoleUsers(h.t);
    await login(h.t, 'analyst@example.com');
    await h.t
      .http()
      .post('/auth/login')
      .send({ email: 'analyst@example.com', password: 'nope-nope-nope' })
      .expect(401);
  });
  afterAll(() => h.t.close());

  it('lets ADMIN and AUDITOR read the log, newest first, with filters', async () => {
    const { t, users } = h;
    const all = await t.http().get('/audit').auth(users.ADMIN.token, bearer).expect(200);
    expect(all.body.total).toBeGreaterThan(5);
    const seqs = all.body.items.map((entry: { seq: number }) => entry.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));

    const failed = await t
      .http()
      .get('/audit?action=auth.login_failed')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(failed.body.items).toHaveLength(1);
    expect(failed.body.items[0]).toMatchObject({
      action: 'auth.login_failed',
      entityType: 'user',
      entityId: users.ANALYST.id,
    });

    const byActor = await t
      .http()
      .get(`/audit?actorId=${users.ADMIN.id}&entityType=user`)
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === users.ADMIN.id)).toBe(
      true,
    );

    const future = await t
      .http()
      .get('/audit?from=2999-01-01T00:00:00Z')
      .auth(users.AUDITOR.token, bearer)
      .expect(200);
    expect(future.body.total).toBe(0);
    await t.http().get('/audit?from=yesterday').auth(users.AUDITOR.token, bearer).expect(400);
  });

  it('is closed to ANALYST and APPROVER', async () => {
    const { t, users } = h;
    await t.http().get('/audit').auth(users.ANALYST.token, bearer).expect(403);
    await t.http().get('/audit/verify').auth(users.APPROVER.token, bearer).expect(403);
    await t.http().get('/audit/checkpoint').auth(users.ANALYST.token, bearer).expect(403);
    await t.http().get('/audit/public-key').auth(users.APPROVER.token, bearer).expect(403);
    await t.http().get('/audit/checkpoint').expect(401);
  });

  it('verifies as valid after normal use', async () => {
    const result = await h.verify();
    expect(result).toEqual({ valid: true, checked: (await h.entries()).length });
  });

  it('signs checkpoints that node:crypto verifies with the published public key', async () => {
    const { t, users } = h;
    const checkpoint = await h.checkpoint();
    const entries = await h.entries();
    const newest = await runSql<{ hash: string }>(
      t.databaseUrl,
      'SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1',
    );
    expect(checkpoint).toMatchObject({ seq: entries.length, hash: newest[0].hash });
    expect(Date.parse(checkpoint.at)).not.toBeNaN();

    const key = await t.http().get('/audit/public-key').auth(users.ADMIN.token, bearer).expect(200);
    expect(key.body.algorithm).toBe('Ed25519');
    const message = Buffer.from(
      `mini-soar audit checkpoint v1\n${checkpoint.seq}\n${checkpoint.hash}\n${checkpoint.at}`,
    );
    const signature = Buffer.from(checkpoint.signature, 'base64');
    expect(verifySignature(null, message, createPublicKey(key.body.pem), signature)).toBe(true);
    const fromDer = createPublicKey({
      key: Buffer.from(key.body.spki, 'base64'),
      format: 'der',
      type: 'spki',
    });
    expect(verifySignature(null, message, fromDer, signature)).toBe(true);
    expect(await h.verify(checkpoint)).toEqual({ valid: true, checked: entries.length });
  });

  it('answers 400 for a malformed checkpoint and 422 for one it did not sign', async () => {
    const { t, users } = h;
    const checkpoint = await h.checkpoint();
    const get = (value: string) =>
      t
        .http()
        .get(`/audit/verify?checkpoint=${encodeURIComponent(value)}`)
        .auth(users.AUDITOR.token, bearer);
    for (const bad of [
      'not base64!',
      encode([1]),
      encode({ ...checkpoint, seq: -1 }),
      'x'.repeat(3000),
    ])
      expect((await get(bad).expect(400)).body.message).toBeDefined();
    const forged = await get(encode({ ...checkpoint, seq: checkpoint.seq + 1 })).expect(422);
    expect(forged.body.code).toBe('AUDIT_CHECKPOINT_SIGNATURE_INVALID');
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the sealed log in the database itself', async () => {
    const { t } = h;
    const [first] = await h.entries();
    await expect(
      runSql(t.databaseUrl, `UPDATE audit_log SET data = '{"forged":true}' WHERE id = $1`, [
        first.id,
      ]),
    ).rejects.toThrow(/audit_log is append-only: UPDATE refused/);
    await expect(
      runSql(t.databaseUrl, 'DELETE FROM audit_log WHERE id = $1', [first.id]),
    ).rejects.toThrow(/audit_log is append-only: DELETE refused/);
    await expect(runSql(t.databaseUrl, 'TRUNCATE audit_log')).rejects.toThrow(
      /audit_log is append-only: TRUNCATE refused/,
    );
    expect(await h.verify()).toMatchObject({ valid: true });
  });

  it('refuses to edit or drop a staged entry before it is sealed', async () => {
    const { t } = h;
    const client = new Pool({ connectionString: t.databaseUrl, max: 1 });
    try {
      for (const [verb, sql] of [
        ['UPDATE', `UPDATE audit_staging SET action = 'x' WHERE entity_id = 'staged-only'`],
        ['DELETE', `DELETE FROM audit_staging WHERE entity_id = 'staged-only'`],
      ]) {
        await client.query('BEGIN');
        await t.app.get(AuditService).recordWith(client, {
          action: AuditAction.JobRetried,
          entityType: 'job',
          entityId: 'staged-only',
        });
        await expect(client.query(sql)).rejects.toThrow(
          new RegExp(`audit_staging: ${verb} of an unsealed entry refused`),
        );
        await client.query('ROLLBACK');
      }
    } finally {
      await client.end();
    }
    const rolledBack = await t
      .http()
      .get('/audit?entityId=staged-only')
      .auth(h.users.AUDITOR.token, bearer)
      .expect(200);
    expect(rolledBack.body.total).toBe(0);
  });

  it('reports an entry altered by a table owner as the first broken one', async () => {
    const rows = await h.entries();
    const target = rows[2];
    await asTableOwner(h.t.databaseUrl, async (client) => {
      await client.query(
        `UPDATE audit_log SET data = '{"role":"ADMIN","forged":true}' WHERE id = $1`,
        [target.id],
      );
    });
    expect(await h.verify()).toMatchObject({ valid: false, firstBrokenId: target.id, checked: 3 });
  });
});

describe('Audit log tampering by a database writer (e2e)', () => {
  const h = auditHarness();

  beforeEach(async () => {
    h.t = await startTestApp();
    h.users = await createRoleUsers(h.t);
    for (let i = 0; i < 3; i++) await login(h.t, 'admin@example.com');
  });
  afterEach(() => h.t.close());

  it('detects a truncated tail with a rolled-back head against an earlier checkpoint', async () => {
    const checkpoint = await h.checkpoint();
    await truncateTail(h.t.databaseUrl, 2);
    // Inside the database the shortened chain is consistent: only a copy kept outside tells.
    expect(await h.verify()).toMatchObject({ valid: true });
    const result = await h.verify(checkpoint);
    expect(result).toMatchObject({ valid: false, checked: checkpoint.seq - 2 });
    expect(result.reason).toMatch(/missing/);
  });

  it('still detects the truncation once new entries have grown the log past the checkpoint', async () => {
    const checkpoint = await h.checkpoint();
    await truncateTail(h.t.databaseUrl, 2);
    for (let i = 0; i < 4; i++) await login(h.t, 'admin@example.com');
    const result = await h.verify(checkpoint);
    expect(result.valid).toBe(false);
    expect(result.reason).toMatch(/differs/);
  });

  it('detects a row rewritten and everything after it re-chained with plain SHA-256', async () => {
    const target = (await h.entries())[1];
    await rewriteAndRechain(h.t.databaseUrl, 2, { role: 'ADMIN', forged: true }, sha256Link);
    expect(await h.verify()).toMatchObject({ valid: false, firstBrokenId: target.id, checked: 2 });
  });

  it('detects a row rewritten and re-chained with an HMAC under a wrong key', async () => {
    const target = (await h.entries())[1];
    await rewriteAndRechain(
      h.t.databaseUrl,
      2,
      { forged: true },
      hmacLink(Buffer.from('a-guessed-audit-key-of-32-characters!')),
    );
    expect(await h.verify()).toMatchObject({ valid: false, firstBrokenId: target.id });
  });

  it('catches even a re-chain under the real key when a checkpoint covers the rewritten entry', async () => {
    const checkpoint = await h.checkpoint();
    const rootKey = Buffer.from(TEST_SECRETS.ENCRYPTION_KEY, 'base64');
    await rewriteAndRechain(h.t.databaseUrl, 2, { forged: true }, hmacLink(rootKey));
    expect(await h.verify()).toMatchObject({ valid: true });
    const result = await h.verify(checkpoint);
    expect(result).toMatchObject({ valid: false });
    expect(result.reason).toMatch(/differs/);
  });

  it('reports the entry after a row deleted from the middle', async () => {
    const before = await h.entries();
    await asTableOwner(h.t.databaseUrl, async (client) => {
      await client.query('DELETE FROM audit_log WHERE id = $1', [before[1].id]);
    });
    expect(await h.verify()).toMatchObject({ valid: false, firstBrokenId: before[2].id });
  });

  it('reports a deleted newest entry when the head was left alone', async () => {
    const before = await h.entries();
    const newest = before[before.length - 1];
    await asTableOwner(h.t.databaseUrl, async (client) => {
      await client.query('DELETE FROM audit_log WHERE id = $1', [newest.id]);
    });
    expect(await h.verify()).toMatchObject({ valid: false, firstBrokenId: newest.id });
  });

  it('stays broken after new entries are appended on top of a deletion', async () => {
    const before = await h.entries();
    await asTableOwner(h.t.databaseUrl, async (client) => {
      await client.query('DELETE FROM audit_log WHERE id = $1', [before[before.length - 1].id]);
    });
    await login(h.t, 'admin@example.com');
    expect((await h.verify()).valid).toBe(false);
  });
});

describe('Audit sealing and checkpoints (e2e)', () => {
  const h = auditHarness();
  let received: unknown[];
  let server: Server;

  beforeAll(async () => {
    received = [];
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(JSON.parse(body));
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    h.t = await startTestApp({
      AUDIT_KEY: 'a-separate-audit-key-of-at-least-32-chars',
      AUDIT_CHECKPOINT_SECONDS: '60',
      AUDIT_CHECKPOINT_URL: `http://127.0.0.1:${port}/checkpoints`,
    });
    h.users = await createRoleUsers(h.t);
  });
  afterAll(async () => {
    await h.t.close();
    await new Promise((resolve) => server.close(resolve));
  });

  it('seals entries from concurrent writers, each writer in order, and only once committed', async () => {
    const audit = h.t.app.get(AuditService);
    const pool = new Pool({ connectionString: h.t.databaseUrl, max: 9 });
    const writers = 8;
    const perWriter = 25;
    const inFlight = await pool.connect();
    try {
      await inFlight.query('BEGIN');
      await audit.recordWith(inFlight, {
        action: AuditAction.JobRetried,
        entityType: 'job',
        entityId: 'in-flight',
      });
      const write = async (writer: number) => {
        for (let n = 0; n < perWriter; n++) {
          const client = await pool.connect();
          try {
            await client.query('BEGIN');
            await audit.recordWith(client, {
              action: AuditAction.JobRetried,
              entityType: 'job',
              entityId: `w${writer}`,
              data: { n },
            });
            await client.query('COMMIT');
          } finally {
            client.release();
          }
        }
      };
      const sealing = (async () => {
        for (let i = 0; i < 10; i++) await audit.verify();
      })();
      await Promise.all([...Array.from({ length: writers }, (_, w) => write(w)), sealing]);

      const verified = await h.verify();
      expect(verified.valid).toBe(true);
      const pending = await runSql<{ n: number }>(
        h.t.databaseUrl,
        `SELECT count(*)::int AS n FROM audit_staging WHERE entity_id = 'in-flight'`,
      );
      expect(pending[0].n).toBe(0);
      const sealedInFlight = await runSql(
        h.t.databaseUrl,
        `SELECT 1 FROM audit_log WHERE entity_id = 'in-flight'`,
      );
      expect(sealedInFlight).toHaveLength(0);
      await inFlight.query('COMMIT');
    } finally {
      inFlight.release();
    }
    expect(await h.verify()).toMatchObject({ valid: true });

    const rows = await runSql<{ seq: string; entity_id: string; data: { n: number } }>(
      h.t.databaseUrl,
      `SELECT seq, entity_id, data FROM audit_log WHERE entity_type = 'job' ORDER BY seq`,
    );
    expect(rows).toHaveLength(writers * perWriter + 1);
    for (let w = 0; w < writers; w++) {
      const own = rows.filter((row) => row.entity_id === `w${w}`).map((row) => row.data.n);
      expect(own).toEqual(Array.from({ length: perWriter }, (_, n) => n));
    }
    const seqs = (await h.entries()).map((row) => Number(row.seq));
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    await pool.end();
  });

  it('emits one checkpoint per period to the log stream and the configured URL', async () => {
    const emitter = h.t.app.get(AuditCheckpointEmitter);
    const now = new Date('2030-01-01T00:00:10.000Z');
    const checkpoint = await emitter.emitDue(now);
    expect(checkpoint).toMatchObject({ at: now.toISOString() });
    expect(received).toEqual([checkpoint]);
    // Another process (or a second tick) in the same period has nothing to emit.
    expect(await emitter.emitDue(new Date('2030-01-01T00:00:50.000Z'))).toBeNull();
    const next = await emitter.emitDue(new Date('2030-01-01T00:01:05.000Z'));
    expect(next).not.toBeNull();
    expect(received).toHaveLength(2);
    expect(await h.verify(checkpoint!)).toMatchObject({ valid: true });
  });

  it('keeps going when the checkpoint URL refuses', async () => {
    await new Promise((resolve) => server.close(resolve));
    const emitter = h.t.app.get(AuditCheckpointEmitter);
    await expect(emitter.emitDue(new Date('2030-01-01T00:05:00.000Z'))).resolves.not.toBeNull();
    expect(await h.verify()).toMatchObject({ valid: true });
    server = createServer();
  });
});
