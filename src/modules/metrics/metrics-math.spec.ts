import { ratio, tally, zeroFilled } from './metrics-math';

describe('metrics math', () => {
  it('gives 0, not NaN, for an empty denominator and rounds to 4 decimals', () => {
    expect(ratio(0, 0)).toBe(0);
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(2, 2)).toBe(1);
  });

  it('tallies with every expected key present', () => {
    const rows = [
      { k: 'A', n: 2 },
      { k: 'A', n: 3 },
      { k: 'C', n: 1 },
    ];
    expect(
      tally(
        ['A', 'B'],
        rows,
        (r) => r.k,
        (r) => r.n,
      ),
    ).toEqual({ A: 5, B: 0, C: 1 });
  });

  it('zero-fills buckets of a half-open window', () => {
    const from = new Date('2026-01-01T00:00:00Z');
    const to = new Date('2026-01-01T03:00:00Z');
    const values = new Map([[Date.parse('2026-01-01T01:00:00Z'), 7]]);
    expect(zeroFilled(from, to, 3_600_000, values)).toEqual([
      { at: '2026-01-01T00:00:00.000Z', value: 0 },
      { at: '2026-01-01T01:00:00.000Z', value: 7 },
      { at: '2026-01-01T02:00:00.000Z', value: 0 },
    ]);
  });
});
