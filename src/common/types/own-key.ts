/*
 * Lookups by a name a client sent. `name in record` and `record[name]` also find inherited
 * properties (`__proto__`, `constructor`, `toString`), so those names would reach code that
 * expects one of our entries.
 */

/** True when `key` is one of the record's own keys. */
export function hasOwnKey<K extends PropertyKey>(
  record: Readonly<Record<K, unknown>>,
  key: PropertyKey,
): key is K {
  return Object.hasOwn(record, key);
}
