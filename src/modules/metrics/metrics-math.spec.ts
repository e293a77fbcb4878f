import { durationBucketBounds, histogramStats, ratio, tally, zeroFilled } from './metrics-math';

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

describe('duration histogram', () => {
  const bucketOf = (millis: number) =>
    millis < 64_000
      ? Math.floor(Math.max(millis, 0) / 1000)
      : 64 + Math.floor(16 * Math.log2(millis / 64_000));

  it('gives whole seconds below 64 s, then 16 buckets per doubling that tile the axis', () => {
    expect(durationBucketBounds(0)).toEqual([0, 1000]);
    expect(durationBucketBounds(63)).toEqual([63_000, 64_000]);
    expect(durationBucketBounds(64)[0]).toBe(64_000);
    expect(durationBucketBounds(80)[0]).toBeCloseTo(128_000, 6);
    for (let bucket = 64; bucket < 400; bucket++) {
      const [low, high] = durationBucketBounds(bucket);
      expect(durationBucketBounds(bucket + 1)[0]).toBe(high);
      expect(high / low).toBeCloseTo(2 ** (1 / 16), 10);
      expect(bucketOf((low + high) / 2)).toBe(bucket);
    }
  });

  it('is empty without durations and exact in count and mean', () => {
    expect(histogramStats([])).toEqual({ count: 0, mean: null, p50: null, p90: null });
    const stats = histogramStats([
      { bucket: bucketOf(600_000), count: 1, millis: 600_000 },
      { bucket: bucketOf(1_200_000), count: 1, millis: 1_200_000 },
      { bucket: bucketOf(77_400_000), count: 1, millis: 77_400_000 },
    ]);
    expect(stats).toMatchObject({ count: 3, mean: 26_400 });
  });

  it('interpolates between neighbouring ranks like percentile_cont, within half a bucket', () => {
    // percentile_cont over 600, 1200, 77400 s: p50 1200, p90 62160.
    const stats = histogramStats([
      { bucket: bucketOf(77_400_000), count: 1, millis: 77_400_000 },
      { bucket: bucketOf(600_000), count: 1, millis: 600_000 },
      { bucket: bucketOf(1_200_000), count: 1, millis: 1_200_000 },
    ]);
    expect(Math.abs(stats.p50! - 1200) / 1200).toBeLessThan(0.022);
    expect(Math.abs(stats.p90! - 62_160) / 62_160).toBeLessThan(0.03);
  });

  it('merges repeated buckets (one per severity) and stays within 2.2% on dense data', () => {
    const values = Array.from({ length: 5000 }, (_, i) => 30_000 + ((i * 7919) % 86_400_000));
    const rows = values.map((millis) => ({ bucket: bucketOf(millis), count: 1, millis }));
    const sorted = [...values].sort((a, b) => a - b);
    const exact = (p: number) => {
      const rank = p * (sorted.length - 1);
      const low = sorted[Math.floor(rank)];
      return (low + (rank - Math.floor(rank)) * (sorted[Math.ceil(rank)] - low)) / 1000;
    };
    const stats = histogramStats(rows);
    expect(stats.count).toBe(5000);
    expect(stats.mean).toBe(Math.round(values.reduce((a, b) => a + b, 0) / 5000) / 1000);
    expect(Math.abs(stats.p50! - exact(0.5)) / exact(0.5)).toBeLessThan(0.022);
    expect(Math.abs(stats.p90! - exact(0.9)) / exact(0.9)).toBeLessThan(0.022);
  });
});
