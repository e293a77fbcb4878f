import { type ArgumentMetadata, BadRequestException, type PipeTransform } from '@nestjs/common';
import { LONE_SURROGATE } from '../types/storable-json';

const PLAIN_TYPES = new Set<unknown>([String, Number, Boolean, Array, Object]);

/** Why `text` cannot be stored in PostgreSQL (text or jsonb), or null when it can. */
export function unstorableTextProblem(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'contains invalid Unicode (a lone surrogate)';
  if (text.includes('\u0000')) return 'contains a NUL character';
  return null;
}

/** The first string (value or key) in `value` that PostgreSQL cannot store, with its path. */
export function findUnstorableText(value: unknown, path: string): string | null {
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.value === 'string') {
      const problem = unstorableTextProblem(node.value);
      if (problem) return `${node.path} ${problem}`;
    } else if (node.value !== null && typeof node.value === 'object') {
      for (const [key, child] of Object.entries(node.value)) {
        const childPath = node.path ? `${node.path}.${key}` : key;
        const problem = unstorableTextProblem(key);
        if (problem) return `a field name in ${node.path || 'the body'} ${problem}`;
        stack.push({ value: child, path: childPath });
      }
    }
  }
  return null;
}

/**
 * Refuses NUL and lone surrogates in path parameters, query strings and DTO bodies with a 400
 * naming the field: the validator's string checks throw on them and PostgreSQL refuses them.
 * Raw alert payloads (a body with no DTO class) are let through: ingestion replaces these
 * characters instead, so an alert is never lost over them.
 */
export class StorableTextPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    if (metadata.type === 'body' && PLAIN_TYPES.has(metadata.metatype)) return value;
    const problem = findUnstorableText(value, metadata.data ?? '');
    if (problem) throw new BadRequestException(problem);
    return value;
  }
}
