import { MetricsWindowInvalidError } from './metrics.errors';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** Longest window a query may span (a year and a month: the 400-bucket daily trend). */
export const MAX_WINDOW_MS = 400 * DAY_MS;

/** A half-open UTC interval [from, to). */
export interface TimeWindow {
  from: Date;
  to: Date;
}

const floorTo = (ms: number, unit: number): number => Math.floor(ms / unit) * unit;
const ceilTo = (ms: number, unit: number): number => Math.ceil(ms / unit) * unit;

/**
 * The window a query reads. Rollups count whole UTC hours, so `from` is moved down and `to` up
 * to an hour boundary (the response echoes the widened window). Without `from`, the window
 * reaches back `defaultMs` from the end of the current hour.
 */
export function hourWindow(now: Date, defaultMs: number, from?: string, to?: string): TimeWindow {
  const end = ceilTo(to === undefined ? now.getTime() + 1 : Date.parse(to), HOUR_MS);
  const start = floorTo(from === undefined ? end - defaultMs : Date.parse(from), HOUR_MS);
  if (start >= end) throw new MetricsWindowInvalidError('from must be before to');
  if (end - start > MAX_WINDOW_MS)
    throw new MetricsWindowInvalidError('the window may span at most 400 days');
  return { from: new Date(start), to: new Date(end) };
}

/** The `days` UTC calendar days ending with the day that contains `end - 1 ms`. */
export function lastDays(end: Date, days: number): TimeWindow {
  const to = floorTo(end.getTime() - 1, DAY_MS) + DAY_MS;
  return { from: new Date(to - days * DAY_MS), to: new Date(to) };
}

/** The whole UTC hours (or days) inside a window; empty (from = to = its start) when none. */
export function wholeBuckets(window: TimeWindow, unitMs: number): TimeWindow {
  const from = ceilTo(window.from.getTime(), unitMs);
  const to = floorTo(window.to.getTime(), unitMs);
  return from < to
    ? { from: new Date(from), to: new Date(to) }
    : { from: window.from, to: window.from };
}

/** Exact instant window (for the SLA durations, read from indexes rather than rollups). */
export function instantWindow(
  now: Date,
  defaultMs: number,
  from?: string,
  to?: string,
): TimeWindow {
  const end = to === undefined ? now.getTime() : Date.parse(to);
  const start = from === undefined ? end - defaultMs : Date.parse(from);
  if (start >= end) throw new MetricsWindowInvalidError('from must be before to');
  if (end - start > MAX_WINDOW_MS)
    throw new MetricsWindowInvalidError('the window may span at most 400 days');
  return { from: new Date(start), to: new Date(end) };
}
