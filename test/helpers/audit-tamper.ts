import { createHash, createHmac } from 'node:crypto';
import { Client } from 'pg';
import {
  canonicalJson,
  deriveChainKey,
  type ChainedFields,
} from '../../src/modules/audit/audit-chain';

interface AuditRow {
  id: string;
  seq: string;
  created_at: Date;
  actor_type: string | null;
  actor_id: string | null;
  actor_email: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: unknown;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** How an attacker computes a link: plain SHA-256 (the old public scheme) or a guessed key. */
export type ForgedLink = (prevHash: string, fields: Omit<ChainedFields, 'prevHash'>) => string;

function covered(fields: Omit<ChainedFields, 'prevHash'>): string {
  return canonicalJson({
    ...fields,
    seq: fields.seq.toString(),
    createdAt: fields.createdAt.toISOString(),
    actorType: fields.actorType ?? undefined,
    actorLabel: fields.actorLabel ?? undefined,
  });
}

export const sha256Link: ForgedLink = (prevHash, fields) =>
  createHash('sha256').update(prevHash).update(covered(fields)).digest('hex');

export const hmacLink =
  (rootKey: Buffer): ForgedLink =>
  (prevHash, fields) =>
    createHmac('sha256', deriveChainKey(rootKey))
      .update(prevHash)
      .update(covered(fields))
      .digest('hex');

/**
 * Runs statements as a database writer who owns the tables would: with the append-only
 * triggers disabled for the duration (a production app role should not be able to).
 */
export async function asTableOwner(
  databaseUrl: string,
  work: (client: Client) => Promise<void>,
): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await work(client);
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    await client.end();
  }
}

/** Rewrites entry `seq` with `data`, re-links every later entry with `link`, moves the head. */
export async function rewriteAndRechain(
  databaseUrl: string,
  seq: number,
  data: Record<string, unknown>,
  link: ForgedLink,
): Promise<void> {
  await asTableOwner(databaseUrl, async (client) => {
    const rows = (await client.query<AuditRow>('SELECT * FROM audit_log ORDER BY seq')).rows;
    let prevHash = rows[seq - 2]?.hash ?? '0'.repeat(64);
    for (const row of rows.slice(seq - 1)) {
      const fields = {
        id: row.id,
        seq: BigInt(row.seq),
        createdAt: row.created_at,
        actorType: row.actor_type,
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        actorLabel: row.actor_label,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        data: Number(row.seq) === seq ? data : row.data,
        ip: row.ip,
      };
      const hash = link(prevHash, fields);
      await client.query(
        'UPDATE audit_log SET data = $2, prev_hash = $3, hash = $4 WHERE id = $1',
        [row.id, JSON.stringify(fields.data), prevHash, hash],
      );
      prevHash = hash;
    }
    await client.query('UPDATE audit_head SET hash = $1 WHERE id = 1', [prevHash]);
  });
}

/** Deletes the newest `count` entries and rolls the head back to the one before them. */
export async function truncateTail(databaseUrl: string, count: number): Promise<void> {
  await asTableOwner(databaseUrl, async (client) => {
    await client.query('DELETE FROM audit_log WHERE seq > (SELECT max(seq) FROM audit_log) - $1', [
      count,
    ]);
    await client.query(
      `UPDATE audit_head h SET seq = l.seq, last_id = l.id, hash = l.hash
         FROM (SELECT seq, id, hash FROM audit_log ORDER BY seq DESC LIMIT 1) l WHERE h.id = 1`,
    );
  });
}
