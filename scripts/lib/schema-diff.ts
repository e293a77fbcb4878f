import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startThrowawayPostgres } from './throwaway-postgres';

export interface PrismaPaths {
  schemaPath: string;
  migrationsDir: string;
}

const CONFIG_PATH = join(__dirname, 'offline-migrate.config.ts');
const PRISMA_CLI = require.resolve('prisma/build/index.js');
/** `migrate diff --exit-code`: 0 no difference, 2 a difference, anything else an error. */
const EXIT_DIFFERENT = 2;

interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The SQL that takes a database with every migration applied to the schema file, or null
 * when they already agree. Offline: `--from-schema-datasource` and `--from-url` are refused
 * by the CLI with the JS engine, so the migrations are replayed into a throw-away PGlite.
 */
export async function pendingSchemaSql(paths: PrismaPaths): Promise<string | null> {
  const database = await startThrowawayPostgres();
  try {
    const run = await runPrisma(
      [
        'migrate',
        'diff',
        '--from-migrations',
        paths.migrationsDir,
        '--to-schema-datamodel',
        paths.schemaPath,
        '--script',
        '--exit-code',
      ],
      database.url,
    );
    if (run.code === 0) return null;
    if (run.code === EXIT_DIFFERENT) return run.stdout;
    throw new Error(`prisma migrate diff failed (exit ${run.code}):\n${cliError(run)}`);
  } finally {
    await database.stop();
  }
}

/** Async on purpose: the PGlite server answering the CLI runs on this process's event loop. */
function runPrisma(args: string[], databaseUrl: string): Promise<CliRun> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    CHECKPOINT_DISABLE: '1',
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
  };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [PRISMA_CLI, ...args, '--config', CONFIG_PATH],
      { env, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

function cliError(run: CliRun): string {
  const text = `${run.stderr}\n${run.stdout}`
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('Loaded Prisma config'))
    .join('\n');
  return text || '(no output)';
}
