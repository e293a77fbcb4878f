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
