import { canonicalJson, GENESIS_HASH, hashEntry, type ChainedFields } from './audit-chain';

const entry: ChainedFields = {
  id: '5a4d8e59-8d1e-4c59-9a52-3f1b5c6f7a10',
  seq: 1n,
  createdAt: new Date('2026-11-21T10:00:00.000Z'),
  actorId: null,
  actorEmail: 'admin@example.com',
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

  it('gives the same hash whatever the key order of data', () => {
    expect(hashEntry(entry)).toBe(hashEntry({ ...entry, data: { a: [{ x: 1, y: 2 }], b: 1 } }));
  });

  it('changes the hash when any covered field changes', () => {
    const base = hashEntry(entry);
    expect(hashEntry({ ...entry, action: 'auth.login_failed' })).not.toBe(base);
    expect(hashEntry({ ...entry, data: { b: 2, a: [] } })).not.toBe(base);
    expect(hashEntry({ ...entry, seq: 2n })).not.toBe(base);
    expect(hashEntry({ ...entry, prevHash: 'f'.repeat(64) })).not.toBe(base);
  });

  it('ignores fields outside the chain, such as the stored hash itself', () => {
    expect(hashEntry({ ...entry, hash: 'abc' } as ChainedFields)).toBe(hashEntry(entry));
  });
});
