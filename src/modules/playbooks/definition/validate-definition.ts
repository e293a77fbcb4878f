import { isObject, isScalar, valueProblem, type Json } from './comparison-values';
import {
  CONDITION_OPERATORS,
  type Condition,
  type ConditionOperator,
  type PlaybookDefinition,
  TRIGGER_EVENTS,
  type TriggerEvent,
} from './playbook-definition';
import { NOTIFY_CHANNELS, STEP_PARAMS } from './step-params';
import { referencedStep, templateVariables } from './template-references';

export const MAX_STEPS = 50;
const MAX_CONDITION_DEPTH = 16;
const MAX_CONDITION_NODES = 200;
const MAX_STRING = 10_000;
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_-]*(\.[A-Za-z0-9_-]+)*$/;
const STEP_ID = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * Checks a parsed (JSON or YAML) definition. Every problem is reported as `path: problem`
 * (`steps[2].params.target: required`); on success the definition is returned normalized
 * (actions lower-case, severities upper-case).
 */
export function validateDefinition(
  input: unknown,
): { ok: true; definition: PlaybookDefinition } | { ok: false; errors: string[] } {
  const checker = new DefinitionChecker();
  const definition = checker.check(input);
  return checker.errors.length || !definition
    ? { ok: false, errors: checker.errors.slice(0, 50) }
    : { ok: true, definition };
}

class DefinitionChecker {
  readonly errors: string[] = [];
  private nodes = 0;

  private fail(path: string, problem: string): void {
    this.errors.push(path ? `${path}: ${problem}` : problem);
  }

  private keys(value: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.fail(join(path, key), 'unknown field');
    }
  }

  private string(value: unknown, path: string, required: boolean, max = MAX_STRING): boolean {
    if (value === undefined) {
      if (required) this.fail(path, 'required');
      return false;
    }
    if (typeof value !== 'string' || value.trim() === '') {
      this.fail(path, 'must be a non-empty string');
      return false;
    }
    if (value.length > max) {
      this.fail(path, `must be at most ${max} characters`);
      return false;
    }
    return true;
  }

  check(input: unknown): PlaybookDefinition | null {
    if (!isObject(input)) {
      this.fail('', 'the definition must be an object');
      return null;
    }
    this.keys(input, '', ['name', 'description', 'enabled', 'mode', 'trigger', 'steps']);
    this.string(input.name, 'name', true, 200);
    if (input.description !== undefined) this.string(input.description, 'description', false, 2000);
    if (input.enabled !== undefined && typeof input.enabled !== 'boolean') {
      this.fail('enabled', 'must be true or false');
    }
    if (input.mode !== undefined && input.mode !== 'live' && input.mode !== 'dry-run') {
      this.fail('mode', 'must be "live" or "dry-run"');
    }
    const trigger = input.trigger === undefined ? undefined : this.trigger(input.trigger);
    const steps = this.steps(input.steps);
    if (this.errors.length) return null;
    return {
      name: (input.name as string).trim(),
      ...(input.description !== undefined && { description: input.description as string }),
      enabled: (input.enabled as boolean | undefined) ?? true,
      mode: (input.mode as 'live' | 'dry-run' | undefined) ?? 'live',
      ...(trigger && { trigger }),
      steps: steps ?? [],
    };
  }

  private trigger(trigger: unknown): PlaybookDefinition['trigger'] {
    if (!isObject(trigger)) {
      this.fail('trigger', 'must be an object');
      return undefined;
    }
    this.keys(trigger, 'trigger', ['on', 'severities', 'sources', 'condition']);
    const on = this.stringList(trigger.on, 'trigger.on', (value, path) => {
      if (!(TRIGGER_EVENTS as readonly string[]).includes(value))
        this.fail(path, `unknown event "${value}" (${TRIGGER_EVENTS.join(', ')})`);
    });
    const severities = this.stringList(trigger.severities, 'trigger.severities', (value, path) => {
      if (!SEVERITIES.includes(value.toUpperCase())) {
        this.fail(path, `unknown severity "${value}" (${SEVERITIES.join(', ')})`);
      }
    });
    const sources = this.stringList(trigger.sources, 'trigger.sources');
    if (trigger.condition !== undefined) this.condition(trigger.condition, 'trigger.condition', []);
    return {
      ...(on && { on: on as TriggerEvent[] }),
      ...(severities && { severities: severities.map((s) => s.toUpperCase()) }),
      ...(sources && { sources }),
      ...(trigger.condition !== undefined && { condition: trigger.condition as Condition }),
    };
  }

  private stringList(
    value: unknown,
    path: string,
    each?: (value: string, path: string) => void,
  ): string[] | undefined {
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.length > 100) {
      this.fail(path, 'must be a list of at most 100 strings');
      return undefined;
    }
    value.forEach((item, i) => {
      if (this.string(item, `${path}[${i}]`, true, 200)) each?.(item as string, `${path}[${i}]`);
    });
    return value as string[];
  }

  /** `earlier`: ids of the steps that run before the condition is read. */
  private condition(node: unknown, path: string, earlier: string[], depth = 0): void {
    if (++this.nodes > MAX_CONDITION_NODES || depth > MAX_CONDITION_DEPTH) {
      if (this.nodes === MAX_CONDITION_NODES + 1 || depth === MAX_CONDITION_DEPTH + 1) {
        this.fail(
          path,
          `conditions are limited to ${MAX_CONDITION_NODES} nodes, ${MAX_CONDITION_DEPTH} deep`,
        );
      }
      return;
    }
    if (!isObject(node)) {
      this.fail(path, 'must be a condition object ({all}, {any}, {not} or {field, op, value})');
      return;
    }
    for (const group of ['all', 'any'] as const) {
      if (group in node) {
        this.keys(node, path, [group]);
        const list = node[group];
        if (!Array.isArray(list) || list.length === 0) {
          this.fail(join(path, group), 'must be a non-empty list of conditions');
          return;
        }
        list.forEach((child, i) =>
          this.condition(child, `${path}.${group}[${i}]`, earlier, depth + 1),
        );
        return;
      }
    }
    if ('not' in node) {
      this.keys(node, path, ['not']);
      this.condition(node.not, `${path}.not`, earlier, depth + 1);
      return;
    }
    this.comparison(node, path, earlier);
  }

  private comparison(node: Json, path: string, earlier: string[]): void {
    this.keys(node, path, ['field', 'op', 'value']);
    this.fieldPath(node.field, join(path, 'field'), earlier);
    const op = node.op;
    if (typeof op !== 'string') {
      this.fail(join(path, 'op'), op === undefined ? 'required' : 'must be a string');
      return;
    }
    if (!(CONDITION_OPERATORS as readonly string[]).includes(op)) {
      this.fail(join(path, 'op'), `unknown operator "${op}"`);
      return;
    }
    const problem = valueProblem(op as ConditionOperator, node.value, 'value' in node);
    if (problem) this.fail(join(path, 'value'), problem);
  }

  private fieldPath(field: unknown, path: string, earlier: string[]): void {
    if (!this.string(field, path, true, 200)) return;
    const value = field as string;
    if (!FIELD_PATH.test(value)) {
      this.fail(
        path,
        `"${value}" is not a field path (letters, digits, _ and - separated by dots)`,
      );
      return;
    }
    this.stepReference(value, path, earlier);
  }

  private stepReference(fieldPath: string, path: string, earlier: string[]): void {
    const step = referencedStep(fieldPath);
    if (step !== null && !earlier.includes(step)) {
      this.fail(path, `refers to step "${step}", which does not run before this point`);
    }
  }

  private steps(steps: unknown): PlaybookDefinition['steps'] | undefined {
    if (steps === undefined) {
      this.fail('steps', 'required');
      return undefined;
    }
    if (!Array.isArray(steps) || steps.length === 0 || steps.length > MAX_STEPS) {
      this.fail('steps', `must be a list of 1 to ${MAX_STEPS} steps`);
      return undefined;
    }
    const earlier: string[] = [];
    const normalized = steps.map((step, i) => {
      const path = `steps[${i}]`;
      const result = this.step(step, path, earlier);
      if (result && typeof result.id === 'string') {
        if (earlier.includes(result.id))
          this.fail(`${path}.id`, `duplicate step id "${result.id}"`);
        earlier.push(result.id);
      }
      return result;
    });
    return normalized as unknown as PlaybookDefinition['steps'];
  }

  private step(step: unknown, path: string, earlier: string[]): Json | null {
    if (!isObject(step)) {
      this.fail(path, 'must be a step object');
      return null;
    }
    this.keys(step, path, [
      'id',
      'name',
      'action',
      'params',
      'if',
      'requiresApproval',
      'for_each',
      'on_error',
    ]);
    if (this.string(step.id, `${path}.id`, true, 64) && !STEP_ID.test(step.id as string)) {
      this.fail(
        `${path}.id`,
        'must start with a letter and hold only letters, digits, _ and - (64 at most)',
      );
    }
    if (step.name !== undefined) this.string(step.name, `${path}.name`, false, 200);
    let action: string | undefined;
    if (this.string(step.action, `${path}.action`, true, 64)) {
      action = (step.action as string).toLowerCase();
      if (!STEP_PARAMS[action]) {
        this.fail(`${path}.action`, `unknown action "${step.action as string}"`);
        action = undefined;
      }
    }
    if (action) this.params(step.params, `${path}.params`, action, earlier);
    if (step.if !== undefined) this.condition(step.if, `${path}.if`, earlier);
    if (step.requiresApproval !== undefined && typeof step.requiresApproval !== 'boolean') {
      this.fail(`${path}.requiresApproval`, 'must be true or false');
    }
    if (step.on_error !== undefined && step.on_error !== 'continue' && step.on_error !== 'stop') {
      this.fail(`${path}.on_error`, 'must be "continue" or "stop"');
    }
    if (step.for_each !== undefined) this.forEach(step.for_each, `${path}.for_each`, earlier);
    return { ...step, ...(action && { action }) };
  }

  private forEach(forEach: unknown, path: string, earlier: string[]): void {
    if (typeof forEach === 'string') {
      this.fieldPath(forEach, path, earlier);
      return;
    }
    if (!isObject(forEach)) {
      this.fail(path, 'must be a field path or {field, where}');
      return;
    }
    this.keys(forEach, path, ['field', 'where']);
    this.fieldPath(forEach.field, `${path}.field`, earlier);
    if (forEach.where !== undefined) this.condition(forEach.where, `${path}.where`, earlier);
  }

  private params(params: unknown, path: string, action: string, earlier: string[]): void {
    const spec = STEP_PARAMS[action];
    if (params === undefined) {
      for (const key of spec.required) this.fail(`${path}.${key}`, 'required');
      return;
    }
    if (!isObject(params)) {
      this.fail(path, 'must be an object');
      return;
    }
    if (!spec.open) this.keys(params, path, [...spec.required, ...spec.optional]);
    for (const key of spec.required) {
      if (params[key] === undefined) this.fail(`${path}.${key}`, 'required');
    }
    if (
      action === 'notify' &&
      typeof params.channel === 'string' &&
      !params.channel.includes('{{')
    ) {
      if (!(NOTIFY_CHANNELS as readonly string[]).includes(params.channel)) {
        this.fail(`${path}.channel`, `must be one of ${NOTIFY_CHANNELS.join(', ')}`);
      }
    }
    this.templates(params, path, earlier, 0);
  }

  /** Every string at any depth must be a logic-less template over earlier steps only. */
  private templates(value: unknown, path: string, earlier: string[], depth: number): void {
    if (depth > 8) {
      this.fail(path, 'params nest too deep');
      return;
    }
    if (typeof value === 'string') {
      if (value.length > MAX_STRING) this.fail(path, `must be at most ${MAX_STRING} characters`);
      const parsed = templateVariables(value);
      if ('error' in parsed) this.fail(path, parsed.error);
      else for (const name of parsed.names) this.stepReference(name, path, earlier);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((item, i) => this.templates(item, `${path}[${i}]`, earlier, depth + 1));
    } else if (isObject(value)) {
      for (const [key, item] of Object.entries(value)) {
        this.templates(item, join(path, key), earlier, depth + 1);
      }
    } else if (value !== null && !isScalar(value)) {
      this.fail(path, 'must be a string, number, boolean, list or object');
    }
  }
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
