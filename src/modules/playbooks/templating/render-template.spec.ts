import type { EvaluationContext } from '../definition/playbook-definition';
import { renderTemplate } from './render-template';

const context: EvaluationContext = {
  alert: {
    id: 'a1',
    title: 'Login from <script> & "friends"',
    source: 'wazuh',
    severity: 'HIGH',
    status: 'NEW',
    riskScore: 80,
    normalized: { srcIp: '203.0.113.7', user: { name: 'alice' } },
    scoreBreakdown: null,
    observables: [],
    occurrences: 1,
  },
  case: { id: 'c-1', status: 'NEW' },
  steps: { ticket: { output: { key: 'SEC-42' } } },
};

describe('renderTemplate', () => {
  it('renders alert, case and step fields at any depth, without HTML escaping', () => {
    const rendered = renderTemplate(
      {
        target: '{{alert.normalized.srcIp}}',
        reason: '{{alert.title}} (case {{case.id}}, ticket {{steps.ticket.output.key}})',
        nested: { list: ['{{alert.riskScore}}', 3, true, null] },
      },
      context,
    );
    expect(rendered).toEqual({
      target: '203.0.113.7',
      reason: 'Login from <script> & "friends" (case c-1, ticket SEC-42)',
      nested: { list: ['80', 3, true, null] },
    });
  });

  it('renders missing values as empty and objects as JSON', () => {
    expect(renderTemplate('[{{alert.normalized.dstIp}}][{{nothing.at.all}}]', context)).toBe(
      '[][]',
    );
    expect(renderTemplate('{{alert.normalized.user}}', context)).toBe('{"name":"alice"}');
  });

  it('reads own data only: inherited names render empty and no function is called', () => {
    expect(
      renderTemplate(
        '[{{alert.constructor}}][{{alert.toString}}][{{alert.observables.map}}][{{alert.__proto__}}]',
        context,
      ),
    ).toBe('[][][][]');
  });

  it('resolves paths as conditions do (alert fields also without alert.)', () => {
    expect(
      renderTemplate('{{riskScore}} {{normalized.srcIp}} {{alert.observables.length}}', context),
    ).toBe('80 203.0.113.7 ');
  });

  it('does not evaluate anything: a value that looks like a template stays text', () => {
    const tricky: EvaluationContext = {
      ...context,
      alert: { ...context.alert!, title: '{{case.id}}' },
    };
    expect(renderTemplate('{{alert.title}}', tricky)).toBe('{{case.id}}');
  });
});
