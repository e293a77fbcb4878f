import { isJsonObject, type JsonPrimitive, type JsonValue } from '../../../common/types/json';

interface IndexedField {
  path: string[];
  leaf: string;
  /** Normalized last two keys joined, e.g. `sourceip` for `source.ip` or `{source: {ip}}`. */
  pair: string;
  value: JsonPrimitive;
  /** One item of a list of several scalars (a Splunk multivalue field). */
  multivalued: boolean;
}

export interface FieldIndexOptions {
  /** Keys under which a weak name (`^name`) may still match; elsewhere only at the top level. */
  containers?: ReadonlySet<string>;
  /** Ancestor keys whose fields never match (e.g. the host's own `host.ip` for a source IP). */
  excludedAncestors?: ReadonlySet<string>;
  /** Skip items of scalar lists of several values: `src_ip: [a, b]` names no single source. */
  singleValuesOnly?: boolean;
}

const MAX_FIELDS = 20_000;
const MAX_NODES = 100_000;
const MAX_DEPTH = 16;

export function normalizeFieldName(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * Scalar fields of a payload by normalized name, shallowest first, for mapping alerts whose
 * layout is unknown. Built breadth-first with bounded size and depth.
 */
export class FieldIndex {
  private constructor(private readonly fields: readonly IndexedField[]) {}

  static build(root: JsonValue): FieldIndex {
    const fields: IndexedField[] = [];
    const queue: { value: JsonValue; path: string[]; multivalued: boolean }[] = [
      { value: root, path: [], multivalued: false },
    ];
    for (
      let head = 0;
      head < Math.min(queue.length, MAX_NODES) && fields.length < MAX_FIELDS;
      head++
    ) {
      const { value, path, multivalued } = queue[head];
      if (path.length > MAX_DEPTH) continue;
      if (Array.isArray(value)) {
        const several = value.length > 1;
        value.forEach((item) => queue.push({ value: item, path, multivalued: several }));
      } else if (isJsonObject(value)) {
        for (const [key, child] of Object.entries(value)) {
          const childPath = [...path, ...key.split('.').map(normalizeFieldName)];
          queue.push({ value: child, path: childPath, multivalued: false });
        }
      } else if (path.length > 0) {
        const leaf = path[path.length - 1];
        fields.push({ path, leaf, pair: path.slice(-2).join(''), value, multivalued });
      }
    }
    return new FieldIndex(fields);
  }

  /**
   * The first accepted value by name priority, then shallowest position. A name matches a
   * field's last key or its last two keys joined, both compared without case or punctuation
   * (`src_ip` = `SrcIP`); a name written `^name` is weak and matches only at the top level or
   * directly under a container key.
   */
  find<T>(
    names: readonly string[],
    accept: (value: JsonPrimitive) => T | null,
    options: FieldIndexOptions = {},
  ): T | null {
    for (const accepted of this.accepted(names, accept, options)) return accepted;
    return null;
  }

  findAll<T>(
    names: readonly string[],
    accept: (value: JsonPrimitive) => T | null,
    options: FieldIndexOptions = {},
  ): T[] {
    return [...this.accepted(names, accept, options)];
  }

  private *accepted<T>(
    names: readonly string[],
    accept: (value: JsonPrimitive) => T | null,
    options: FieldIndexOptions,
  ): Generator<T> {
    for (const name of names) {
      const weak = name.startsWith('^');
      const wanted = normalizeFieldName(weak ? name.slice(1) : name);
      for (const field of this.fields) {
        if (field.leaf !== wanted && field.pair !== wanted) continue;
        if (!this.isAllowed(field, weak, options)) continue;
        const accepted = accept(field.value);
        if (accepted !== null) yield accepted;
      }
    }
  }

  private isAllowed(field: IndexedField, weak: boolean, options: FieldIndexOptions): boolean {
    if (options.singleValuesOnly && field.multivalued) return false;
    const ancestors = field.path.slice(0, -1);
    if (options.excludedAncestors && ancestors.some((key) => options.excludedAncestors?.has(key))) {
      return false;
    }
    if (!weak) return true;
    return ancestors.every((key) => options.containers?.has(key) ?? false);
  }
}
