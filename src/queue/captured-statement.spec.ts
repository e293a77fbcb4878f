import { captureStatement, shiftPlaceholders, withLeadingCte } from './captured-statement';

describe('captured statements', () => {
  it('records the one statement a call executes', async () => {
    const captured = await captureStatement((db) =>
      db.executeSql('INSERT INTO t VALUES ($1)', ['x']),
    );
    expect(captured).toEqual({ text: 'INSERT INTO t VALUES ($1)', values: ['x'] });
  });

  it('gives up when the call runs several statements', async () => {
    const captured = await captureStatement(async (db) => {
      await db.executeSql('SELECT 1');
      await db.executeSql('SELECT 2');
    });
    expect(captured).toBeNull();
  });

  it('prefixes INSERT and WITH statements with a CTE, and refuses anything else', () => {
    expect(withLeadingCte('a', 'INSERT INTO x SELECT 1', 'INSERT INTO y SELECT 2')).toBe(
      'WITH a AS (INSERT INTO x SELECT 1) INSERT INTO y SELECT 2',
    );
    expect(
      withLeadingCte(
        'a',
        'INSERT INTO x SELECT 1',
        '\n  WITH ins AS (INSERT INTO y SELECT 2) SELECT id FROM ins',
      ),
    ).toBe(
      'WITH a AS (INSERT INTO x SELECT 1), ins AS (INSERT INTO y SELECT 2) SELECT id FROM ins',
    );
    expect(withLeadingCte('a', 'INSERT INTO x SELECT 1', 'UPDATE y SET z = 1')).toBeNull();
  });

  it('shifts placeholders', () => {
    expect(shiftPlaceholders('SELECT $1, $2, $10', 6)).toBe('SELECT $7, $8, $16');
  });
});
