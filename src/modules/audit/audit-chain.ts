import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its hash covers. */
export interface ChainedFields {
  id: string;
  seq: bigint;
  createdAt: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
  ip: string | null;
  prevHash: string;
}

/** JSON with sorted keys, so the hash does not depend on how jsonb reorders them. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, inner]) => inner !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonicalJson(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Hashes exactly the covered fields, whatever else the row object carries. */
export function hashEntry(fields: ChainedFields): string {
  const {
    id,
    seq,
    createdAt,
    actorId,
    actorEmail,
    action,
    entityType,
    entityId,
    data,
    ip,
    prevHash,
  } = fields;
  const canonical = canonicalJson({
    id,
    seq: seq.toString(),
    createdAt: createdAt.toISOString(),
    actorId,
    actorEmail,
    action,
    entityType,
    entityId,
    data,
    ip,
  });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
