import type { Db } from 'pg-boss';

export interface CapturedStatement {
  text: string;
  values: unknown[];
}

/**
 * Runs a pg-boss call against a recorder instead of the database and returns the single
 * statement it would have executed, or null when it issued anything else. Lets a caller fold
 * pg-boss's own SQL into a larger statement without re-implementing it.
 */
export async function captureStatement(
  call: (db: Db) => Promise<unknown>,
): Promise<CapturedStatement | null> {
  const statements: CapturedStatement[] = [];
  await call({
    executeSql: (text: string, values: unknown[] = []) => {
      statements.push({ text, values });
      return Promise.resolve({ rows: [] });
    },
  });
  return statements.length === 1 ? statements[0] : null;
}

/**
 * Prefixes a statement with a data-modifying CTE, so both run as one atomic statement.
 * Returns null when `statement` is not a plain INSERT or WITH query.
 */
export function withLeadingCte(name: string, cte: string, statement: string): string | null {
  const trimmed = statement.trimStart();
  if (/^WITH\s/i.test(trimmed)) return `WITH ${name} AS (${cte}), ${trimmed.slice(4).trimStart()}`;
  if (/^INSERT\s/i.test(trimmed)) return `WITH ${name} AS (${cte}) ${trimmed}`;
  return null;
}

/** Shifts `$n` placeholders by `offset`, for statements whose own parameters must come after ours. */
export function shiftPlaceholders(statement: string, offset: number): string {
  return statement.replace(/\$(\d+)/g, (_match, index: string) => `$${Number(index) + offset}`);
}
