/**
 * Parses an HTTP Retry-After value (RFC 9110: delay-seconds or an HTTP-date) into
 * milliseconds from `now`. Undefined when absent or unreadable; never negative.
 */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
  const text: unknown = Array.isArray(value) ? value[0] : value;
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Date.parse reads bare numbers like "-3" as years; an HTTP-date always names a weekday.
  if (!/[a-z]/i.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
