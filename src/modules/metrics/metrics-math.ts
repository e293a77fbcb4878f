/** A share in [0, 1], rounded to 4 decimals; 0 when nothing was counted (never NaN). */
export function ratio(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0;
}

/** Counts per key with every expected key present (zero when absent). */
export function tally<T>(
  keys: readonly string[],
  rows: readonly T[],
  keyOf: (row: T) => string,
  countOf: (row: T) => number,
): Record<string, number> {
  const result = Object.fromEntries(keys.map((key) => [key, 0])) as Record<string, number>;
  for (const row of rows) result[keyOf(row)] = (result[keyOf(row)] ?? 0) + countOf(row);
  return result;
}

export interface SeriesPoint {
  at: string;
  value: number;
}

/** One point per bucket of [from, to), in order, with `fill` where no row exists. */
export function zeroFilled(
  from: Date,
  to: Date,
  stepMs: number,
  values: ReadonlyMap<number, number>,
  fill = 0,
): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let at = from.getTime(); at < to.getTime(); at += stepMs)
    points.push({ at: new Date(at).toISOString(), value: values.get(at) ?? fill });
  return points;
}

/** One bucket of the duration histogram. */
export interface HistogramBucket {
  bucket: number;
  count: number;
  millis: number;
}

/** Count, mean and interpolated p50/p90 (seconds, 3 decimals) of a duration histogram. */
export interface HistogramStats {
  count: number;
  mean: number | null;
  p50: number | null;
  p90: number | null;
}

const LINEAR_BUCKETS = 64;
const BUCKETS_PER_DOUBLING = 16;

/**
 * Milliseconds [low, high) a bucket covers; mirrors metrics_duration_bucket() in SQL: whole
 * seconds below 64 s, then 16 buckets per doubling (each about 4.4% wide).
 */
export function durationBucketBounds(bucket: number): [number, number] {
  if (bucket < LINEAR_BUCKETS) return [bucket * 1000, (bucket + 1) * 1000];
  const low = (b: number) =>
    LINEAR_BUCKETS * 1000 * 2 ** ((b - LINEAR_BUCKETS) / BUCKETS_PER_DOUBLING);
  return [low(bucket), low(bucket + 1)];
}

const seconds = (millis: number) => Math.round(millis) / 1000;

/**
 * The i-th smallest duration (0-based), estimated as if a bucket's values were evenly spread
 * over its range: off by at most half a bucket (0.5 s, or about 2.2%).
 */
function nth(buckets: readonly HistogramBucket[], i: number): number {
  let before = 0;
  for (const { bucket, count } of buckets) {
    if (i < before + count) {
      const [low, high] = durationBucketBounds(bucket);
      return low + ((i - before + 0.5) / count) * (high - low);
    }
    before += count;
  }
  return durationBucketBounds(buckets[buckets.length - 1].bucket)[1];
}

/** Interpolates between the neighbouring ranks of p * (count - 1), as percentile_cont does. */
function percentile(buckets: readonly HistogramBucket[], count: number, p: number): number {
  const rank = p * (count - 1);
  const below = nth(buckets, Math.floor(rank));
  return seconds(below + (rank - Math.floor(rank)) * (nth(buckets, Math.ceil(rank)) - below));
}

/** Stats of the rows (buckets may repeat, e.g. one per severity: they are merged). */
export function histogramStats(rows: readonly HistogramBucket[]): HistogramStats {
  const merged = new Map<number, HistogramBucket>();
  for (const row of rows) {
    const into = merged.get(row.bucket) ?? { bucket: row.bucket, count: 0, millis: 0 };
    merged.set(row.bucket, {
      ...into,
      count: into.count + row.count,
      millis: into.millis + row.millis,
    });
  }
  const buckets = [...merged.values()]
    .filter((row) => row.count > 0)
    .sort((a, b) => a.bucket - b.bucket);
  const count = buckets.reduce((sum, row) => sum + row.count, 0);
  if (count === 0) return { count: 0, mean: null, p50: null, p90: null };
  const millis = buckets.reduce((sum, row) => sum + row.millis, 0);
  return {
    count,
    mean: seconds(millis / count),
    p50: percentile(buckets, count, 0.5),
    p90: percentile(buckets, count, 0.9),
  };
}
