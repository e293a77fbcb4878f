import { validateDefinition } from './validate-definition';

const step = (over: Record<string, unknown> = {}) => ({
  id: 'block',
  action: 'block_ip',
  params: { target: '{{alert.normalized.srcIp}}' },
  ...over,
});
const definition = (over: Record<string, unknown> = {}) => ({
  name: 'Brute force',
  trigger: { severities: ['high'], condition: { field: 'riskScore', op: 'gte', value: 70 } },
  steps: [step()],
  ...over,
});

function errorsOf(input: unknown): string[] {
  const result = validateDefinition(input);
  return result.ok ? [] : result.errors;
}

describe('validateDefinition', () => {
  it('accepts a definition and normalizes it', () => {
    const result = validateDefinition(definition({ steps: [step({ action: 'BLOCK_IP' })] }));
    expect(result).toEqual({
      ok: true,
      definition: {
        name: 'Brute force',
        enabled: true,
        mode: 'live',
        trigger: {
          severities: ['HIGH'],
          condition: { field: 'riskScore', op: 'gte', value: 70 },
        },
        steps: [step()],
      },
    });
  });

  it.each<[string, unknown, string]>([
    ['not an object', [], 'the definition must be an object'],
    ['missing name', { steps: [step()] }, 'name: required'],
    ['unknown top-level field', definition({ owner: 'x' }), 'owner: unknown field'],
    ['bad mode', definition({ mode: 'test' }), 'mode: must be "live" or "dry-run"'],
    ['no steps', definition({ steps: [] }), 'steps: must be a list of 1 to 50 steps'],
    [
      'unknown operator',
      definition({
        trigger: {
          condition: {
            all: [
              { field: 'riskScore', op: 'gte', value: 1 },
              { field: 'riskScore', op: 'gt=', value: 1 },
            ],
          },
        },
      }),
      'trigger.condition.all[1].op: unknown operator "gt="',
    ],
    [
      'missing required param',
      definition({
        steps: [
          step({ id: 'a' }),
          step({ id: 'b', action: 'add_note', params: { note: 'x' } }),
          step({ id: 'c', params: {} }),
        ],
      }),
      'steps[2].params.target: required',
    ],
    [
      'unknown param of a built-in step',
      definition({ steps: [step({ action: 'add_note', params: { note: 'x', colour: 'red' } })] }),
      'steps[0].params.colour: unknown field',
    ],
    [
      'unknown step field',
      definition({ steps: [step({ retries: 3 })] }),
      'steps[0].retries: unknown field',
    ],
    [
      'unknown action',
      definition({ steps: [step({ action: 'nuke' })] }),
      'steps[0].action: unknown action "nuke"',
    ],
    [
      'duplicate step ids',
      definition({ steps: [step(), step()] }),
      'steps[1].id: duplicate step id "block"',
    ],
    [
      'template referencing a later step',
      definition({
        steps: [
          step({ id: 'note', action: 'add_note', params: { note: '{{steps.ticket.output.key}}' } }),
          step({ id: 'ticket', action: 'create_ticket', params: { target: 'SEC' } }),
        ],
      }),
      'steps[0].params.note: refers to step "ticket", which does not run before this point',
    ],
    [
      'if referencing itself',
      definition({
        steps: [step({ if: { field: 'steps.block.status', op: 'eq', value: 'succeeded' } })],
      }),
      'steps[0].if.field: refers to step "block", which does not run before this point',
    ],
    [
      'trigger referencing a step',
      definition({ trigger: { condition: { field: 'steps.block.output', op: 'exists' } } }),
      'trigger.condition.field: refers to step "block", which does not run before this point',
    ],
    [
      'regex that does not compile',
      definition({ trigger: { condition: { field: 'title', op: 'matches', value: '(unclosed' } } }),
      'trigger.condition.value: invalid regular expression "(unclosed" (RE2 syntax)',
    ],
    [
      'backreference (not RE2)',
      definition({ trigger: { condition: { field: 'title', op: 'matches', value: '(a)\\1' } } }),
      'trigger.condition.value: invalid regular expression "(a)\\1" (RE2 syntax)',
    ],
    [
      'in without a list',
      definition({ trigger: { condition: { field: 'severity', op: 'in', value: 'HIGH' } } }),
      'trigger.condition.value: in needs a non-empty list of strings, numbers or booleans',
    ],
    [
      'unknown field in a comparison',
      definition({
        trigger: { condition: { field: 'title', op: 'eq', value: 'x', negate: true } },
      }),
      'trigger.condition.negate: unknown field',
    ],
    [
      'empty any',
      definition({ trigger: { condition: { not: { any: [] } } } }),
      'trigger.condition.not.any: must be a non-empty list of conditions',
    ],
    [
      'unknown severity',
      definition({ trigger: { severities: ['urgent'] } }),
      'trigger.severities[0]: unknown severity "urgent" (LOW, MEDIUM, HIGH, CRITICAL)',
    ],
    [
      'mustache section (logic)',
      definition({ steps: [step({ params: { target: '{{#alert}}x{{/alert}}' } })] }),
      'steps[0].params.target: templates may only use {{field.path}} variables (no sections or partials)',
    ],
    [
      'unclosed template tag',
      definition({ steps: [step({ params: { target: '{{alert.title' } })] }),
      'steps[0].params.target: invalid template: Unclosed tag at 13',
    ],
    [
      'bad on_error',
      definition({ steps: [step({ on_error: 'retry' })] }),
      'steps[0].on_error: must be "continue" or "stop"',
    ],
    [
      'bad notify channel',
      definition({
        steps: [step({ action: 'notify', params: { channel: 'fax', target: 'x', message: 'y' } })],
      }),
      'steps[0].params.channel: must be one of slack, teams, email',
    ],
    [
      'for_each where referencing a later step',
      definition({
        steps: [
          step({
            for_each: {
              field: 'observables',
              where: { field: 'steps.later.output', op: 'exists' },
            },
          }),
          step({ id: 'later' }),
        ],
      }),
      'steps[0].for_each.where.field: refers to step "later", which does not run before this point',
    ],
  ])('refuses %s', (_name, input, expected) => {
    expect(errorsOf(input)).toContain(expected);
  });

  it('lets a step reference earlier steps, in params, if and for_each', () => {
    const result = validateDefinition(
      definition({
        steps: [
          step({ id: 'ticket', action: 'create_ticket', params: { target: 'SEC' } }),
          step({
            id: 'note',
            action: 'add_note',
            params: { note: 'Ticket {{steps.ticket.output.key}} for {{alert.title}}' },
            if: { field: 'steps.ticket.output.key', op: 'exists' },
          }),
          step({
            id: 'block',
            action: 'BLOCK_IP',
            params: { target: '{{item.value}}', durationSeconds: 3600 },
            for_each: {
              field: 'observables',
              where: {
                all: [
                  { field: 'item.type', op: 'eq', value: 'ipv4' },
                  { field: 'item.verdict', op: 'eq', value: 'malicious' },
                ],
              },
            },
            requiresApproval: true,
            on_error: 'continue',
          }),
        ],
      }),
    );
    expect(result.ok).toBe(true);
  });

  it('accepts every operator with a fitting value', () => {
    const comparisons = [
      { field: 'title', op: 'eq', value: 'x' },
      { field: 'title', op: 'ne', value: 1 },
      { field: 'title', op: 'ieq', value: 'X' },
      { field: 'riskScore', op: 'gt', value: 1 },
      { field: 'riskScore', op: 'gte', value: '1' },
      { field: 'riskScore', op: 'lt', value: 1 },
      { field: 'riskScore', op: 'lte', value: 1 },
      { field: 'severity', op: 'in', value: ['HIGH'] },
      { field: 'observables', op: 'contains', value: { type: 'ipv4', verdict: 'malicious' } },
      { field: 'observables', op: 'contains', value: { anyOf: [{ type: 'url' }] } },
      { field: 'title', op: 'matches', value: '^(?i)ssh' },
      { field: 'normalized.srcIp', op: 'exists' },
      { field: 'normalized.dstIp', op: 'exists', value: false },
    ];
    expect(errorsOf(definition({ trigger: { condition: { all: comparisons } } }))).toEqual([]);
  });

  it('bounds the size of conditions', () => {
    let deep: unknown = { field: 'title', op: 'exists' };
    for (let i = 0; i < 40; i++) deep = { not: deep };
    expect(errorsOf(definition({ trigger: { condition: deep } }))[0]).toMatch(
      /conditions are limited to/,
    );
  });
});
