import { relative } from 'node:path';
import { checkMigrations, createMigration } from './lib/new-migration.command';

const USAGE = `Usage:
  npm run db:new-migration -- <name>     write prisma/migrations/<yyyyMMddHHmmss>_<name>/migration.sql
  npm run db:new-migration -- --check    exit 1 when schema.prisma has changes no migration covers

Offline: the migrations are replayed into a throw-away in-memory PGlite and compared with
prisma/schema.prisma by \`prisma migrate diff\`. <name> is snake_case or kebab-case.`;

const EXIT_UNCOVERED = 1;
const EXIT_ERROR = 2;

async function main(args: string[]): Promise<number> {
  if (args.length !== 1 || args[0] === '--help' || args[0] === '-h') {
    console.log(USAGE);
    return args.length === 1 ? 0 : EXIT_ERROR;
  }
  const result = args[0] === '--check' ? await checkMigrations() : await createMigration(args[0]);
  switch (result.status) {
    case 'up-to-date':
      console.log('Nothing to do: schema and migrations already agree.');
      return 0;
    case 'created':
      console.log(`Created ${relative(process.cwd(), result.folder)}/migration.sql:\n`);
      console.log(result.sql.trimEnd());
      return 0;
    case 'uncovered':
      console.error('prisma/schema.prisma has changes that no migration covers:\n');
      console.error(result.sql.trimEnd());
      console.error('\nCreate one with: npm run db:new-migration -- <name>');
      return EXIT_UNCOVERED;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = EXIT_ERROR;
  },
);
