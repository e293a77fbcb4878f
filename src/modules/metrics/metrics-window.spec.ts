import { hourWindow, instantWindow, lastDays } from './metrics-window';
import { MetricsWindowInvalidError } from './metrics.errors';

const DAY = 86_400_000;
const now = new Date('2026-03-10T12:34:56.789Z');

describe('metric windows', () => {
  it('defaults to the whole hours ending with the current one', () => {
    expect(hourWindow(now, DAY)).toEqual({
      from: new Date('2026-03-09T13:00:00Z'),
      to: new Date('2026-03-10T13:00:00Z'),
    });
  });

  it('widens from/to to whole UTC hours and keeps aligned edges', () => {
    expect(hourWindow(now, DAY, '2026-03-01T00:59:59Z', '2026-03-02T00:00:00Z')).toEqual({
      from: new Date('2026-03-01T00:00:00Z'),
      to: new Date('2026-03-02T00:00:00Z'),
    });
    expect(hourWindow(now, DAY, undefined, '2026-03-02T00:00:00.001Z').to).toEqual(
      new Date('2026-03-02T01:00:00Z'),
    );
  });

  it('refuses reversed, empty and over-long windows', () => {
    expect(() => hourWindow(now, DAY, '2026-03-02T00:00:00Z', '2026-03-01T00:00:00Z')).toThrow(
      MetricsWindowInvalidError,
    );
    expect(() => instantWindow(now, DAY, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')).toThrow(
      /before/,
    );
    expect(() => instantWindow(now, DAY, '2020-01-01T00:00:00Z', '2026-01-01T00:00:00Z')).toThrow(
      /400 days/,
    );
  });

  it('lists the last N UTC calendar days including the current one', () => {
    expect(lastDays(new Date('2026-03-10T13:00:00Z'), 30)).toEqual({
      from: new Date('2026-02-09T00:00:00Z'),
      to: new Date('2026-03-11T00:00:00Z'),
    });
    expect(lastDays(new Date('2026-03-11T00:00:00Z'), 1)).toEqual({
      from: new Date('2026-03-10T00:00:00Z'),
      to: new Date('2026-03-11T00:00:00Z'),
    });
  });
});
