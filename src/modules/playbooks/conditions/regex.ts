import { RE2JS } from 're2js';

/** `matches` reads at most this many characters: RE2 is linear, this bounds the constant. */
export const MAX_MATCH_INPUT = 10_000;
const cache = new Map<string, RE2JS | null>();
const CACHE_LIMIT = 500;

/** Compiles with RE2 (no backtracking); null when the pattern is not valid RE2 syntax. */
export function compileRegex(pattern: string): RE2JS | null {
  const cached = cache.get(pattern);
  if (cached !== undefined) return cached;
  let compiled: RE2JS | null;
  try {
    compiled = RE2JS.compile(pattern);
  } catch {
    compiled = null;
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, compiled);
  return compiled;
}

export function regexMatches(pattern: string, input: string): boolean {
  const regex = compileRegex(pattern);
  if (!regex) return false;
  return regex.matcher(input.slice(0, MAX_MATCH_INPUT)).find();
}
