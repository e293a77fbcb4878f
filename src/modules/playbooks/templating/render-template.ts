import Mustache from 'mustache';

import type { EvaluationContext } from '../definition/playbook-definition';

/** Values are not HTML: render them as they are. */
// Parsed templates are not cached: definitions are user input, the cache would grow unbounded.
Mustache.templateCache = undefined;

const renderOptions = { escape: (value: unknown): string => String(value) };

/**
 * Renders a logic-less mustache template. Only `{{path}}` variables are meant to be used
 * (the schema refuses sections, partials and unescaped forms when a definition is saved);
 * a missing value renders as the empty string, objects render as JSON.
 */
export function renderString(template: string, context: EvaluationContext): string {
  if (!template.includes('{{')) return template;
  return Mustache.render(template, toView(context), undefined, renderOptions);
}

/** Objects in the view render as JSON instead of "[object Object]". */
function toView(context: EvaluationContext): unknown {
  return wrap(context);
}

function wrap(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const target = Array.isArray(value)
    ? value.map(wrap)
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, wrap(v)]));
  Object.defineProperty(target, 'toString', {
    value: () => JSON.stringify(value),
    enumerable: false,
  });
  return target;
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
