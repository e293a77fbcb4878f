import type { Condition, EvaluationContext } from '../definition/playbook-definition';
import { evaluateCondition } from './evaluate-condition';
import { forEachItems } from './for-each';
import { MAX_MATCH_INPUT } from './regex';
import { triggerMatches } from './trigger';

const context: EvaluationContext = {
  alert: {
    id: 'a1',
    title: 'SSH brute force on web-01',
    source: 'wazuh',
    severity: 'HIGH',
    status: 'NEW',
    riskScore: 70,
    normalized: {
      srcIp: '203.0.113.7',
      port: '22',
      user: 'Root',
      tags: ['ssh', 'bruteforce'],
      flag: true,
      nested: { depth: { value: 3 } },
    },
    scoreBreakdown: { total: 70, factors: [{ factor: 'threat_intel', points: 30 }] },
    observables: [
      { type: 'ipv4', value: '203.0.113.7', verdict: 'malicious' },
      { type: 'domain', value: 'evil.example', verdict: 'harmless' },
    ],
    occurrences: 4,
  },
  case: { id: 'c1', status: 'IN_PROGRESS' },
  asset: { criticality: 'CRITICAL' },
  steps: { ticket: { status: 'succeeded', output: { key: 'SEC-1' } } },
};

const cmp = (field: string, op: string, value?: unknown): Condition =>
  (value === undefined ? { field, op } : { field, op, value }) as Condition;

describe('evaluateCondition', () => {
  const table: [string, Condition, boolean][] = [
    // eq / ne / ieq
    ['eq string', cmp('source', 'eq', 'wazuh'), true],
    ['eq is case-sensitive', cmp('source', 'eq', 'Wazuh'), false],
    ['eq number', cmp('riskScore', 'eq', 70), true],
    ['eq numeric string field vs number', cmp('normalized.port', 'eq', 22), true],
    ['eq number field vs numeric string', cmp('riskScore', 'eq', '70'), true],
    ['eq boolean', cmp('normalized.flag', 'eq', true), true],
    ['eq type mismatch (boolean vs string)', cmp('normalized.flag', 'eq', 'true'), false],
    ['ne string', cmp('source', 'ne', 'splunk'), true],
    ['ne same', cmp('source', 'ne', 'wazuh'), false],
    ['ne type mismatch is false', cmp('riskScore', 'ne', 'high'), false],
    ['ne missing is false', cmp('normalized.nothing', 'ne', 'x'), false],
    ['ieq', cmp('normalized.user', 'ieq', 'root'), true],
    ['ieq different', cmp('normalized.user', 'ieq', 'admin'), false],
    ['ieq on a number is false', cmp('riskScore', 'ieq', '70'), false],
    // ordering: gte is >=, not >
    ['gt below', cmp('riskScore', 'gt', 69), true],
    ['gt equal', cmp('riskScore', 'gt', 70), false],
    ['gte equal', cmp('riskScore', 'gte', 70), true],
    ['gte above', cmp('riskScore', 'gte', 71), false],
    ['lt equal', cmp('riskScore', 'lt', 70), false],
    ['lt above', cmp('riskScore', 'lt', 71), true],
    ['lte equal', cmp('riskScore', 'lte', 70), true],
    ['lte below', cmp('riskScore', 'lte', 69), false],
    ['numeric string compares as a number (22 > 3)', cmp('normalized.port', 'gt', 3), true],
    ['numeric string vs numeric string', cmp('normalized.port', 'gte', '100'), false],
    ['strings order lexically', cmp('source', 'gt', 'splunk'), true],
    ['number vs word is false', cmp('riskScore', 'gt', 'abc'), false],
    ['gt on an object is false', cmp('scoreBreakdown', 'gt', 1), false],
    ['occurrences', cmp('occurrences', 'gte', 3), true],
    // in
    ['in', cmp('severity', 'in', ['HIGH', 'CRITICAL']), true],
    ['in not listed', cmp('severity', 'in', ['LOW']), false],
    ['in numbers vs numeric string', cmp('normalized.port', 'in', [22, 443]), true],
    ['in with a non-list value is false', cmp('severity', 'in', 'HIGH'), false],
    // contains
    ['contains substring', cmp('title', 'contains', 'brute'), true],
    ['contains substring case-sensitive', cmp('title', 'contains', 'Brute'), false],
    ['contains list item', cmp('normalized.tags', 'contains', 'ssh'), true],
    ['contains list item missing', cmp('normalized.tags', 'contains', 'rdp'), false],
    [
      'observables contains {type, verdict}',
      cmp('observables', 'contains', { type: 'ipv4', verdict: 'malicious' }),
      true,
    ],
    [
      'observables pattern values are case-insensitive',
      cmp('observables', 'contains', { type: 'IPV4', verdict: 'MALICIOUS' }),
      true,
    ],
    [
      'observables: every property must match the same observable',
      cmp('observables', 'contains', { type: 'domain', verdict: 'malicious' }),
      false,
    ],
    [
      'observables anyOf',
      cmp('observables', 'contains', {
        anyOf: [
          { type: 'sha256', verdict: 'malicious' },
          { type: 'domain', verdict: 'harmless' },
        ],
      }),
      true,
    ],
    ['contains on a number is false', cmp('riskScore', 'contains', 7), false],
    // matches
    ['matches', cmp('normalized.srcIp', 'matches', '^203\\.0\\.113\\.'), true],
    ['matches no match', cmp('normalized.srcIp', 'matches', '^10\\.'), false],
    ['matches on a number is false', cmp('riskScore', 'matches', '7'), false],
    ['matches an invalid pattern is false', cmp('title', 'matches', '(unclosed'), false],
    // exists
    ['exists', cmp('normalized.srcIp', 'exists'), true],
    ['exists missing', cmp('normalized.dstIp', 'exists'), false],
    ['exists false (not exists) on missing', cmp('normalized.dstIp', 'exists', false), true],
    ['exists false on present', cmp('normalized.srcIp', 'exists', false), false],
    // missing fields are false for every other operator
    ['missing eq', cmp('normalized.dstIp', 'eq', 'x'), false],
    ['missing gte', cmp('normalized.count', 'gte', 0), false],
    ['missing lt', cmp('normalized.count', 'lt', 100), false],
    ['missing in', cmp('normalized.dstIp', 'in', ['x']), false],
    ['missing contains', cmp('normalized.dstIp', 'contains', 'x'), false],
    ['missing matches', cmp('normalized.dstIp', 'matches', '.*'), false],
    ['path through a scalar is missing', cmp('title.length', 'exists'), false],
    ['prototype names are not fields', cmp('normalized.constructor', 'exists'), false],
    ['__proto__ is not a field', cmp('normalized.__proto__', 'exists'), false],
    // roots
    ['alert.* prefix', cmp('alert.riskScore', 'eq', 70), true],
    ['case.status', cmp('case.status', 'eq', 'IN_PROGRESS'), true],
    ['asset.criticality', cmp('asset.criticality', 'in', ['HIGH', 'CRITICAL']), true],
    ['steps output', cmp('steps.ticket.output.key', 'eq', 'SEC-1'), true],
    ['deep normalized path', cmp('normalized.nested.depth.value', 'eq', 3), true],
    ['list index path', cmp('observables.0.verdict', 'eq', 'malicious'), true],
    ['scoreBreakdown', cmp('scoreBreakdown.total', 'gte', 70), true],
    ['unknown operator is false', cmp('riskScore', 'gt=', 1), false],
    // nesting
    ['all', { all: [cmp('riskScore', 'gte', 70), cmp('severity', 'eq', 'HIGH')] }, true],
    [
      'all with one false',
      { all: [cmp('riskScore', 'gte', 70), cmp('severity', 'eq', 'LOW')] },
      false,
    ],
    ['any', { any: [cmp('severity', 'eq', 'LOW'), cmp('source', 'eq', 'wazuh')] }, true],
    ['any none', { any: [cmp('severity', 'eq', 'LOW'), cmp('source', 'eq', 'x')] }, false],
    ['not', { not: cmp('severity', 'eq', 'LOW') }, true],
    ['not over missing (not exists)', { not: cmp('normalized.dstIp', 'exists') }, true],
    [
      'nested all/any/not',
      {
        all: [
          { any: [cmp('source', 'eq', 'x'), { not: cmp('riskScore', 'lt', 50) }] },
          { not: { all: [cmp('severity', 'eq', 'HIGH'), cmp('case.status', 'eq', 'CLOSED')] } },
        ],
      },
      true,
    ],
    ['malformed node is false', { nonsense: true } as unknown as Condition, false],
  ];

  it.each(table)('%s', (_name, condition, expected) => {
    expect(evaluateCondition(condition, context)).toBe(expected);
  });

  it('holds when there is no condition', () => {
    expect(evaluateCondition(undefined, context)).toBe(true);
  });

  it('never throws, whatever it is given', () => {
    const odd = [null, 1, 'x', [], { all: 'x' }, { any: null }, { not: undefined }, { field: 1 }];
    for (const condition of odd) {
      expect(evaluateCondition(condition as unknown as Condition, context)).toBe(false);
    }
    expect(evaluateCondition(cmp('riskScore', 'gt', 1), {})).toBe(false);
  });

  it('runs a catastrophic-backtracking pattern in linear time', () => {
    const input = 'a'.repeat(MAX_MATCH_INPUT - 1) + '!';
    const hostile: EvaluationContext = { alert: { ...context.alert!, title: input } };
    const started = process.hrtime.bigint();
    expect(evaluateCondition(cmp('title', 'matches', '(a+)+$'), hostile)).toBe(false);
    expect(evaluateCondition(cmp('title', 'matches', '^(a|a)*b'), hostile)).toBe(false);
    // A backtracking engine takes years on this; RE2 answers in well under a second.
    expect(Number(process.hrtime.bigint() - started) / 1e9).toBeLessThan(5);
  });

  it('reads at most MAX_MATCH_INPUT characters', () => {
    const long: EvaluationContext = {
      alert: { ...context.alert!, title: 'a'.repeat(MAX_MATCH_INPUT) + 'needle' },
    };
    expect(evaluateCondition(cmp('title', 'matches', 'needle'), long)).toBe(false);
    expect(evaluateCondition(cmp('title', 'contains', 'needle'), long)).toBe(true);
  });
});

describe('triggerMatches', () => {
  it.each([
    ['no trigger', undefined, true],
    ['severity listed', { severities: ['HIGH', 'CRITICAL'] }, true],
    ['severity not listed', { severities: ['LOW'] }, false],
    ['source case-insensitive', { sources: ['Wazuh'] }, true],
    ['source not listed', { sources: ['splunk'] }, false],
    ['condition false', { condition: cmp('riskScore', 'gt', 90) }, false],
    [
      'all three',
      { severities: ['HIGH'], sources: ['wazuh'], condition: cmp('riskScore', 'gte', 70) },
      true,
    ],
  ])('%s', (_name, trigger, expected) => {
    expect(triggerMatches(trigger as never, context)).toBe(expected);
  });
});

describe('forEachItems', () => {
  it('lists, filters with item.*, and caps', () => {
    expect(forEachItems('observables', context, 10)).toHaveLength(2);
    const malicious = forEachItems(
      { field: 'observables', where: cmp('item.verdict', 'eq', 'malicious') },
      context,
      10,
    );
    expect(malicious).toEqual([{ type: 'ipv4', value: '203.0.113.7', verdict: 'malicious' }]);
    expect(forEachItems('observables', context, 1)).toHaveLength(1);
    expect(forEachItems('normalized.srcIp', context, 10)).toEqual(['203.0.113.7']);
    expect(forEachItems('normalized.none', context, 10)).toEqual([]);
  });
});
