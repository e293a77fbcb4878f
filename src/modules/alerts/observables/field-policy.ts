import type { JsonObject } from '../../../common/types/json';
import { normalizeFieldName } from '../normalization/field-index';
import {
  SKIPPED_KEYS,
  SKIPPED_PATHS,
  FINGERPRINT_PARTS,
  FINGERPRINT_KEYS,
  NON_FILE_HASH_PARTS,
  FILE_HASH_PARTS,
  ID_SUFFIXES,
  ID_KEYS,
  TYPE_HINT_KEYS,
  TYPED_VALUE_KEYS,
  HASH_TYPE_HINT,
  DOMAIN_TYPE_HINT,
  DOMAIN_KEY_PARTS,
  DOMAIN_KEYS,
  DOMAIN_SCOPES,
  SELF_HOST_PATHS,
  SELF_HOST_KEYS,
  NON_NETWORK_NAME_KEYS,
  ACCOUNT_DOMAIN_PATHS,
} from './ioc-field-names';

/** How the IOC rules treat the strings found under one key of an alert. */
export interface FieldPolicy {
  /** Console/results/reference links, SOC metadata, user agents, rule definitions: no IOCs at all. */
  readonly skip: boolean;
  /** `field`: the value is a file hash; `text`: hashes only from free text; `none`: ids, fingerprints. */
  readonly hashes: 'field' | 'text' | 'none';
  /** The key names a domain/host of the activity, so file-extension-like suffixes still count. */
  readonly domainField: boolean;
  /** The key names the affected host, a cloud service or resource: no domain or URL IOCs. */
  readonly noDomains: boolean;
  /** False for version/build/MAC fields, whose dotted numbers are not addresses. */
  readonly ips: boolean;
}

export interface FieldScope {
  readonly path: readonly string[];
  readonly skip: boolean;
  readonly fingerprint: boolean;
}

export const ROOT_SCOPE: FieldScope = { path: [], skip: false, fingerprint: false };
/** Text given on its own (a note, a pasted report): every hash-shaped token counts. */
export const FREE_TEXT_POLICY: FieldPolicy = {
  skip: false,
  hashes: 'field',
  domainField: false,
  noDomains: false,
  ips: true,
};

/** The scope of a child key; flattened dotted keys count as nested keys. */
export function childScope(parent: FieldScope, key: string): FieldScope {
  const added = key.split('.').map(normalizeFieldName);
  const path = [...parent.path, ...added];
  const joined = path.join('.');
  const skip =
    parent.skip ||
    added.some((part) => SKIPPED_KEYS.has(part) || /links?$|useragent$/.test(part)) ||
    SKIPPED_PATHS.some((pattern) => pattern.test(joined));
  const fingerprint =
    parent.fingerprint ||
    added.some(
      (part) =>
        FINGERPRINT_KEYS.has(part) || FINGERPRINT_PARTS.some((marker) => part.includes(marker)),
    );
  return { path, skip, fingerprint };
}

export function policyFor(scope: FieldScope, container: JsonObject | null): FieldPolicy {
  const leaf = scope.path[scope.path.length - 1] ?? '';
  const joined = scope.path.join('.');
  return {
    skip: scope.skip,
    hashes: hashMode(scope, leaf, container),
    domainField: isDomainField(scope, leaf, container),
    noDomains:
      SELF_HOST_KEYS.has(leaf) ||
      NON_NETWORK_NAME_KEYS.has(leaf) ||
      SELF_HOST_PATHS.test(joined) ||
      ACCOUNT_DOMAIN_PATHS.test(joined),
    ips: !/version|build/.test(leaf) && !leaf.endsWith('mac'),
  };
}

function hashMode(
  scope: FieldScope,
  leaf: string,
  container: JsonObject | null,
): FieldPolicy['hashes'] {
  if (scope.fingerprint || NON_FILE_HASH_PARTS.some((part) => leaf.includes(part))) return 'none';
  if (isIdKey(leaf)) return 'none';
  if (FILE_HASH_PARTS.some((part) => leaf.includes(part))) return 'field';
  if (TYPED_VALUE_KEYS.has(leaf) && container && hasTypeHint(container, HASH_TYPE_HINT)) {
    return 'field';
  }
  return 'text';
}

function isDomainField(scope: FieldScope, leaf: string, container: JsonObject | null): boolean {
  if (DOMAIN_KEYS.has(leaf) || DOMAIN_KEY_PARTS.some((part) => leaf.includes(part))) return true;
  if (scope.path.some((part) => DOMAIN_SCOPES.has(part))) return true;
  return (
    TYPED_VALUE_KEYS.has(leaf) && container !== null && hasTypeHint(container, DOMAIN_TYPE_HINT)
  );
}

function isIdKey(leaf: string): boolean {
  return ID_KEYS.has(leaf) || ID_SUFFIXES.some((suffix) => leaf.endsWith(suffix));
}

/** True when a sibling such as `dataType`/`type` says what the object's `value`/`data` holds. */
function hasTypeHint(container: JsonObject, hint: RegExp): boolean {
  return Object.entries(container).some(
    ([key, value]) =>
      TYPE_HINT_KEYS.has(normalizeFieldName(key)) && typeof value === 'string' && hint.test(value),
  );
}
