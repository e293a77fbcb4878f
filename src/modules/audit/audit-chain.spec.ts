import { createHash, createHmac } from 'node:crypto';
import {
  canonicalJson,
  deriveChainKey,
  GENESIS_HASH,
  linkHash,
  type ChainedFields,
} from './audit-chain';

const key = deriveChainKey(Buffer.from('k'.repeat(32)));

const entry: ChainedFields = {
  id: '5a4d8e59-8d1e-4c59-9a52-3f1b5c6f7a10',
  seq: 1n,
  createdAt: new Date('2026-11-21T10:00:00.000Z'),
  actorType: 'user',
  actorId: null,
  actorEmail: 'admin@example.com',
  actorLabel: null,
  action: 'auth.login_succeeded',
  entityType: 'user',
  entityId: 'u1',
  data: { b: 1, a: [{ y: 2, x: 1 }] },
  ip: '127.0.0.1',
  prevHash: GENESIS_HASH,
};

describe('audit chain', () => {
  it('serialises objects with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"e":0,"f":1}]},"b":1}',
    );
  });

  it('gives the same link whatever the key order of data', () => {
    expect(linkHash(key, entry)).toBe(
      linkHash(key, { ...entry, data: { a: [{ x: 1, y: 2 }], b: 1 } }),
    );
  });

  it('changes the link when any covered field changes', () => {
    const base = linkHash(key, entry);
    expect(linkHash(key, { ...entry, action: 'auth.login_failed' })).not.toBe(base);
    expect(linkHash(key, { ...entry, data: { b: 2, a: [] } })).not.toBe(base);
    expect(linkHash(key, { ...entry, seq: 2n })).not.toBe(base);
    expect(linkHash(key, { ...entry, prevHash: 'f'.repeat(64) })).not.toBe(base);
    expect(linkHash(key, { ...entry, createdAt: new Date('2026-11-21T10:00:00.001Z') })).not.toBe(
      base,
    );
    expect(linkHash(key, { ...entry, actorType: 'system' })).not.toBe(base);
    expect(linkHash(key, { ...entry, actorLabel: 'U0SLACK' })).not.toBe(base);
  });

  it('links an entry older than actor kinds (no type, no label) exactly as it was sealed', () => {
    const legacy = { ...entry, actorType: null, actorLabel: null };
    const canonicalThen = canonicalJson({
      id: entry.id,
      seq: '1',
      createdAt: entry.createdAt.toISOString(),
      actorId: entry.actorId,
      actorEmail: entry.actorEmail,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      data: entry.data,
      ip: entry.ip,
    });
    const sealedThen = createHmac('sha256', key)
      .update(entry.prevHash)
      .update(canonicalThen)
      .digest('hex');
    expect(linkHash(key, legacy)).toBe(sealedThen);
  });

  it('ignores fields outside the chain, such as the stored hash itself', () => {
    expect(linkHash(key, { ...entry, hash: 'abc' } as ChainedFields)).toBe(linkHash(key, entry));
  });

  it('cannot be recomputed without the key: another key or plain SHA-256 gives another link', () => {
    const link = linkHash(key, entry);
    expect(link).toMatch(/^[0-9a-f]{64}$/);
    expect(linkHash(deriveChainKey(Buffer.from('x'.repeat(32))), entry)).not.toBe(link);
    const unkeyed = createHash('sha256')
      .update(entry.prevHash)
      .update(
        canonicalJson({
          ...entry,
          seq: '1',
          createdAt: entry.createdAt.toISOString(),
          prevHash: undefined,
        }),
      )
      .digest('hex');
    expect(unkeyed).not.toBe(link);
  });

  it('derives the chain key from the root secret, never using the secret itself', () => {
    const root = Buffer.from('r'.repeat(32));
    expect(deriveChainKey(root)).toEqual(deriveChainKey(Buffer.from('r'.repeat(32))));
    expect(deriveChainKey(root)).toHaveLength(32);
    expect(deriveChainKey(root).equals(root)).toBe(false);
  });
});
