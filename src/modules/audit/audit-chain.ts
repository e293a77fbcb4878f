import { createHmac, hkdfSync } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an audit entry that its link covers. */
export interface ChainedFields {
  id: string;
  seq: bigint;
  createdAt: Date;
  /** Null only on entries written before actor kinds existed. */
  actorType: string | null;
  actorId: string | null;
  actorEmail: string | null;
  actorLabel: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  data: unknown;
  ip: string | null;
  prevHash: string;
}

/** The HMAC key of the chain, derived so the root secret itself is never used twice. */
export function deriveChainKey(rootKey: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', rootKey, 'mini-soar', 'audit-chain-hmac-v1', 32));
}

/** JSON with sorted keys, so the link does not depend on how jsonb reorders them. */
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

/**
 * HMAC-SHA256 of the previous link and exactly the covered fields, whatever else the row
 * object carries. Without the key nobody can compute a link, so nobody can re-chain.
 */
export function linkHash(key: Buffer, fields: ChainedFields): string {
  const {
    id,
    seq,
    createdAt,
    actorType,
    actorId,
    actorEmail,
    actorLabel,
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
    // Left out when null, so entries sealed before these fields existed keep their links.
    actorType: actorType ?? undefined,
    actorId,
    actorEmail,
    actorLabel: actorLabel ?? undefined,
    action,
    entityType,
    entityId,
    data,
    ip,
  });
  return createHmac('sha256', key).update(prevHash).update(canonical).digest('hex');
}
