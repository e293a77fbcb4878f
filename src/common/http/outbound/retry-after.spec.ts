import { parseRetryAfter } from './retry-after';

describe(parseRetryAfter.name, () => {
  const now = Date.parse('2024-06-15T12:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Sat, 15 Jun 2024 12:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter(['5'], now)).toBe(5_000);
  });

  it('ignores absent or unreadable values and never returns a negative wait', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-3', now)).toBeUndefined();
    expect(parseRetryAfter('Sat, 15 Jun 2024 11:00:00 GMT', now)).toBe(0);
  });
});
