const NAME_PATTERN = /^[a-z][a-z0-9]*(?:[_-][a-z0-9]+)*$/;
/** `_prisma_migrations.migration_name` is VARCHAR(255); the timestamp and `_` take 15. */
const MAX_NAME_LENGTH = 200;
const STAMP_PATTERN = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_/;

export class MigrationNameError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationNameError';
  }
}

/** Accepts snake_case or kebab-case (`add_alert_tags`, `add-alert-tags`); nothing else. */
export function validateMigrationName(name: string | undefined): string {
  if (!name) throw new MigrationNameError('Give the migration a name, e.g. add_alert_tags');
  if (name.length > MAX_NAME_LENGTH) {
    throw new MigrationNameError(`Migration name is longer than ${MAX_NAME_LENGTH} characters`);
  }
  if (!NAME_PATTERN.test(name)) {
    throw new MigrationNameError(
      `Invalid migration name "${name}": use lowercase letters, digits and single _ or - ` +
        'between words, starting with a letter (e.g. add_alert_tags)',
    );
  }
  return name;
}

/** `yyyyMMddHHmmss` in UTC, as `prisma migrate dev` names folders. */
export function migrationTimestamp(date: Date): string {
  const parts = [
    date.getUTCFullYear(),
    date.getUTCMonth() + 1,
    date.getUTCDate(),
    date.getUTCHours(),
    date.getUTCMinutes(),
    date.getUTCSeconds(),
  ];
  return parts.map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('');
}

/**
 * `<timestamp>_<name>`, always sorting after every existing migration: with a clock behind
 * the newest folder, one second after that folder, so migrations still apply in order.
 */
export function migrationFolderName(name: string, now: Date, existing: readonly string[]): string {
  const newest = existing
    .map(stampDate)
    .filter((date): date is Date => date !== null)
    .reduce<Date | null>((latest, date) => (latest && latest >= date ? latest : date), null);
  const second = new Date(Math.floor(now.getTime() / 1000) * 1000);
  const at = newest && newest >= second ? new Date(newest.getTime() + 1000) : second;
  return `${migrationTimestamp(at)}_${validateMigrationName(name)}`;
}

function stampDate(folder: string): Date | null {
  const match = STAMP_PATTERN.exec(folder);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second));
}
