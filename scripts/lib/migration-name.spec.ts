import {
  MigrationNameError,
  migrationFolderName,
  migrationTimestamp,
  validateMigrationName,
} from './migration-name';

describe(validateMigrationName.name, () => {
  it.each(['add_alert_tags', 'add-alert-tags', 'v2_indexes', 'a'])('accepts %s', (name) => {
    expect(validateMigrationName(name)).toBe(name);
  });

  it.each([
    [undefined, /Give the migration a name/],
    ['', /Give the migration a name/],
    ['add alert tags', /Invalid migration name/],
    ['AddAlertTags', /Invalid migration name/],
    ['2fa_secrets', /Invalid migration name/],
    ['add__tags', /Invalid migration name/],
    ['add_tags_', /Invalid migration name/],
    ['../escape', /Invalid migration name/],
    ['x'.repeat(201), /longer than 200/],
  ])('rejects %p', (name, message) => {
    expect(() => validateMigrationName(name)).toThrow(MigrationNameError);
    expect(() => validateMigrationName(name)).toThrow(message);
  });
});

describe(migrationFolderName.name, () => {
  const now = new Date('2027-03-04T05:06:07.890Z');

  it('names the folder yyyyMMddHHmmss_name in UTC', () => {
    expect(migrationTimestamp(now)).toBe('20270304050607');
    expect(migrationFolderName('add_tags', now, ['20261121170000_init'])).toBe(
      '20270304050607_add_tags',
    );
  });

  it('sorts after the newest migration even when the clock is behind it', () => {
    const existing = ['20261121170000_init', '20270304050607_same_second', 'migration_lock.toml'];
    expect(migrationFolderName('next', now, existing)).toBe('20270304050608_next');
    expect(migrationFolderName('next', new Date('2020-01-01T00:00:00Z'), existing)).toBe(
      '20270304050608_next',
    );
  });
});
