import { existsSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { migrationFolderName, validateMigrationName } from './migration-name';
import { pendingSchemaSql, type PrismaPaths } from './schema-diff';

export type NewMigrationResult =
  | { status: 'up-to-date' }
  | { status: 'created'; folder: string; sql: string }
  | { status: 'uncovered'; sql: string };

export const REPOSITORY_PRISMA_PATHS: PrismaPaths = {
  schemaPath: join(__dirname, '..', '..', 'prisma', 'schema.prisma'),
  migrationsDir: join(__dirname, '..', '..', 'prisma', 'migrations'),
};

/** Writes `<migrationsDir>/<yyyyMMddHHmmss>_<name>/migration.sql` when the schema moved on. */
export async function createMigration(
  name: string,
  paths: PrismaPaths = REPOSITORY_PRISMA_PATHS,
  now: Date = new Date(),
): Promise<NewMigrationResult> {
  validateMigrationName(name);
  assertPathsExist(paths);
  const sql = await pendingSchemaSql(paths);
  if (sql === null) return { status: 'up-to-date' };
  const folder = join(
    paths.migrationsDir,
    migrationFolderName(name, now, readdirSync(paths.migrationsDir)),
  );
  writeMigration(folder, sql);
  return { status: 'created', folder, sql };
}

/** For CI: the schema changes that no migration covers yet, if any. */
export async function checkMigrations(
  paths: PrismaPaths = REPOSITORY_PRISMA_PATHS,
): Promise<NewMigrationResult> {
  assertPathsExist(paths);
  const sql = await pendingSchemaSql(paths);
  return sql === null ? { status: 'up-to-date' } : { status: 'uncovered', sql };
}

function assertPathsExist(paths: PrismaPaths): void {
  for (const path of [paths.schemaPath, paths.migrationsDir]) {
    if (!existsSync(path)) throw new Error(`${path} does not exist`);
  }
}

/**
 * Staged beside the migrations folder, then renamed into it in one step, so an error (or
 * a crash) never leaves a half-written migration that `migrate deploy` would pick up.
 */
function writeMigration(folder: string, sql: string): void {
  if (existsSync(folder)) throw new Error(`${folder} already exists`);
  const staging = mkdtempSync(join(dirname(dirname(folder)), '.new-migration-'));
  try {
    writeFileSync(join(staging, 'migration.sql'), sql);
    renameSync(staging, folder);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
