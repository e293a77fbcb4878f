import { join } from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { defineConfig } from 'prisma/config';
// For its pg patch (prisma/orm#27403) only; this file supplies its own settings.
import '../../prisma.config';

/*
 * Prisma CLI config used by scripts/new-migration.ts only, against a throw-away PGlite.
 * - PGlite 0.5 is PostgreSQL 18, which lists NOT NULL constraints in pg_constraint
 *   (contype 'n'). Prisma 6.19's schema engine panics on those rows ("RuntimeError:
 *   unreachable"); it reads nullability from pg_attribute anyway, so they are dropped here.
 * - The empty throw-away database is also the shadow database: `migrate diff
 *   --from-migrations` replays the migrations into it, without CREATE DATABASE.
 */
type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;
type ResultSet = Awaited<ReturnType<PgAdapter['queryRaw']>>;

const NOT_NULL_CONSTRAINT = 'n';

export function withoutNotNullConstraints(result: ResultSet): ResultSet {
  const column = result.columnNames.indexOf('constraint_type');
  if (column < 0) return result;
  return { ...result, rows: result.rows.filter((row) => row[column] !== NOT_NULL_CONSTRAINT) };
}

class ThrowawayDatabaseAdapter extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (query) => withoutNotNullConstraints(await queryRaw(query));
    return adapter;
  }

  override connectToShadowDb(): Promise<PgAdapter> {
    return this.connect();
  }
}

function throwawayDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('offline-migrate.config.ts is for scripts/new-migration.ts only');
  return url;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // Absolute: the CLI resolves a relative path against this file's folder.
  schema: join(__dirname, '..', '..', 'prisma', 'schema.prisma'),
  adapter: () =>
    Promise.resolve(
      // allowExitOnIdle: without it idle sockets keep the CLI alive for pg's 10 s idle timeout.
      new ThrowawayDatabaseAdapter({
        connectionString: throwawayDatabaseUrl(),
        max: 2,
        allowExitOnIdle: true,
      }),
    ),
});
