import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkMigrations, createMigration, REPOSITORY_PRISMA_PATHS } from './new-migration.command';
import type { PrismaPaths } from './schema-diff';

// Each case starts the Prisma CLI against a fresh in-memory PGlite: seconds, not milliseconds.
jest.setTimeout(120_000);

const LAST_ALERT_FIELD = '  processingError     String?     @map("processing_error")\n';
const NOW = new Date('2099-01-02T03:04:05Z');

describe('new-migration (offline migrate diff)', () => {
  let root: string;
  let paths: PrismaPaths;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'mini-soar-migrations-'));
    paths = {
      schemaPath: join(root, 'prisma', 'schema.prisma'),
      migrationsDir: join(root, 'prisma', 'migrations'),
    };
    cpSync(REPOSITORY_PRISMA_PATHS.schemaPath, paths.schemaPath);
    cpSync(REPOSITORY_PRISMA_PATHS.migrationsDir, paths.migrationsDir, { recursive: true });
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const addAlertField = (field: string): void => {
    const schema = readFileSync(paths.schemaPath, 'utf8');
    expect(schema).toContain(LAST_ALERT_FIELD);
    writeFileSync(
      paths.schemaPath,
      schema.replace(LAST_ALERT_FIELD, `${LAST_ALERT_FIELD}${field}\n`),
    );
  };
  const files = (): string[] =>
    readdirSync(join(root, 'prisma'), { recursive: true, encoding: 'utf8' }).sort();

  it('finds nothing to do when the schema and the migrations agree', async () => {
    const before = readdirSync(paths.migrationsDir);
    await expect(checkMigrations(paths)).resolves.toEqual({ status: 'up-to-date' });
    await expect(createMigration('nothing_changed', paths, NOW)).resolves.toEqual({
      status: 'up-to-date',
    });
    expect(readdirSync(paths.migrationsDir)).toEqual(before);
  });

  it('writes the SQL of a schema change, which then covers it', async () => {
    addAlertField('  analystNote         String?     @map("analyst_note")');
    const check = await checkMigrations(paths);
    expect(check.status).toBe('uncovered');

    const created = await createMigration('add_alert_analyst_note', paths, NOW);

    const folder = join(paths.migrationsDir, '20990102030405_add_alert_analyst_note');
    expect(created).toMatchObject({ status: 'created', folder });
    const sql = readFileSync(join(folder, 'migration.sql'), 'utf8');
    expect(sql).toMatch(/ALTER TABLE "alerts" ADD COLUMN\s+"analyst_note" TEXT;/);
    expect(check).toEqual({ status: 'uncovered', sql });
    await expect(checkMigrations(paths)).resolves.toEqual({ status: 'up-to-date' });
  });

  it('leaves no files behind when the diff fails', async () => {
    addAlertField('  broken              NotAType');
    const before = files();
    await expect(createMigration('broken_schema', paths, NOW)).rejects.toThrow(
      /prisma migrate diff failed[\s\S]*NotAType/,
    );
    expect(files()).toEqual(before);
  });

  it('rejects a bad name before starting anything', async () => {
    await expect(createMigration('add alert note', paths, NOW)).rejects.toThrow(
      /Invalid migration name/,
    );
  });
});
