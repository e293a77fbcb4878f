import { advisoryKey } from './pg-transaction';

describe(advisoryKey.name, () => {
  it('gives a stable signed 64-bit literal per name, and different names different keys', () => {
    const key = advisoryKey('case:abc');
    expect(key).toMatch(/^-?\d+$/);
    expect(advisoryKey('case:abc')).toBe(key);
    expect(advisoryKey('alert:abc')).not.toBe(key);
    const value = BigInt(key);
    expect(value >= -(2n ** 63n) && value < 2n ** 63n).toBe(true);
  });
});
