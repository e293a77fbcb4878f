import Mustache from 'mustache';

import { isMissing, resolveField } from '../conditions/field-path';
import type { EvaluationContext } from '../definition/playbook-definition';

// Parsed templates are not cached: definitions are user input, the cache would grow unbounded.
Mustache.templateCache = undefined;

type Token = [kind: string, value: string];

function display(value: unknown): string {
  if (isMissing(value)) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value) ?? '';
}

/**
 * Renders a logic-less mustache template. Only `{{path}}` variables are used (the schema
 * refuses sections, partials and unescaped forms when a definition is saved); paths resolve
 * exactly as condition fields do (own data properties only: nothing inherited, no function is
 * ever called). A missing value renders as the empty string, objects as JSON, and nothing is
 * HTML-escaped (these are not HTML).
 */
export function renderString(template: string, context: EvaluationContext): string {
  if (!template.includes('{{')) return template;
  let tokens: Token[];
  try {
    tokens = Mustache.parse(template) as unknown as Token[];
  } catch {
    return template;
  }
  return tokens
    .map(([kind, value]) => {
      if (kind === 'text') return value;
      return kind === 'name' ? display(resolveField(context, value)) : '';
    })
    .join('');
}

/** Renders every string inside `value`, at any depth; other values are returned as they are. */
export function renderTemplate<T>(value: T, context: EvaluationContext): T {
  return renderDeep(value, context) as T;
}

function renderDeep(value: unknown, context: EvaluationContext): unknown {
  if (typeof value === 'string') return renderString(value, context);
  if (Array.isArray(value)) return value.map((item) => renderDeep(item, context));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, renderDeep(item, context)]),
    );
  }
  return value;
}
