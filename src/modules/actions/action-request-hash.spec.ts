import { ActionType } from '../../generated/prisma/enums';
import { requestHash } from './action-request-hash';

describe(requestHash.name, () => {
  const base = {
    actionType: ActionType.BLOCK_IP,
    target: '203.0.113.5',
    params: { durationSeconds: 3600, note: { a: 1, b: [1, 2] } },
  };

  it('is a sha256 hex digest that ignores key order', () => {
    const reordered = {
      params: { note: { b: [1, 2], a: 1 }, durationSeconds: 3600 },
      target: '203.0.113.5',
      actionType: ActionType.BLOCK_IP,
    };
    expect(requestHash(base)).toMatch(/^[0-9a-f]{64}$/);
    expect(requestHash(reordered)).toBe(requestHash(base));
  });

  it('changes with the type, the target or any param', () => {
    const hash = requestHash(base);
    expect(requestHash({ ...base, actionType: ActionType.UNBLOCK_IP })).not.toBe(hash);
    expect(requestHash({ ...base, target: '203.0.113.6' })).not.toBe(hash);
    expect(requestHash({ ...base, params: { ...base.params, durationSeconds: 3601 } })).not.toBe(
      hash,
    );
    expect(requestHash({ ...base, params: { ...base.params, extra: null } })).not.toBe(hash);
  });

  it('ignores what is not part of the request', () => {
    expect(requestHash({ ...base, status: 'APPROVED', id: 'x' } as typeof base)).toBe(
      requestHash(base),
    );
  });
});
