import { randomBytes, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createApp } from '../../src/app.factory';
import { applyMigrations, defaultMigrationsDir } from '../../src/database/migration-runner';
import { AuditService } from '../../src/modules/audit/audit.service';
import { runSql } from '../helpers/sql';
import { testConfig } from '../helpers/test-app';
import { ADMIN_DATABASE_URL, databaseUrl, dropDatabase } from '../helpers/test-database';

const KEYED_CHAIN_MIGRATION = '20261129022527_audit_keyed_chain_staging';

/** Applies the migrations before (or up to and including) the keyed chain's. */
async function migrate(url: string, upTo: 'before' | 'all'): Promise<void> {
  const all = defaultMigrationsDir();
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  try {
    for (const name of readdirSync(all))
      if (upTo === 'all' || name < KEYED_CHAIN_MIGRATION)
        cpSync(join(all, name), join(dir, name), { recursive: true });
    const pool = new Pool({ connectionString: url, max: 1 });
    try {
      await applyMigrations(pool, dir);
    } finally {
      await pool.end();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('Upgrading an audit log of the plain SHA-256 chain (e2e)', () => {
  const name = `${process.env.MINI_SOAR_TEST_TEMPLATE_DB!.replace('_tpl_', '_')}_mig_${randomBytes(3).toString('hex')}`;
  const url = databaseUrl(name);

  beforeAll(() => runSql(ADMIN_DATABASE_URL, `CREATE DATABASE "${name}"`));
  afterAll(() => dropDatabase(name));

  it('re-seals the old entries under the key, in their old order', async () => {
    await migrate(url, 'before');
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    for (const [i, id] of ids.entries())
      await runSql(
        url,
        `INSERT INTO audit_log (id, seq, created_at, action, entity_type, entity_id, data, prev_hash, hash)
         VALUES ($1, $2, now(), 'user.signed_up', 'user', $3, '{"old":true}', $4, $5)`,
        [id, i + 1, `u${i}`, String(i).repeat(64), String(i + 1).repeat(64)],
      );
    await runSql(url, `INSERT INTO audit_head (id, seq, last_id, hash) VALUES (1, 3, $1, $2)`, [
      ids[2],
      '3'.repeat(64),
    ]);
    await migrate(url, 'all');

    const app = await createApp(testConfig(url));
    await app.init();
    try {
      expect(await app.get(AuditService).verify()).toEqual({ valid: true, checked: 3 });
    } finally {
      await app.close();
    }
    const rows = await runSql<{ id: string; seq: string; data: unknown }>(
      url,
      'SELECT id, seq, data FROM audit_log ORDER BY seq',
    );
    expect(rows).toEqual(ids.map((id, i) => ({ id, seq: String(i + 1), data: { old: true } })));
  });
});
