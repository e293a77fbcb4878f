import { parse } from 'yaml';
import { evaluateCondition, validateDefinition } from '../../src/modules/playbooks';
import type { EvaluationContext, PlaybookDefinition } from '../../src/modules/playbooks';
import { readExamples } from './playbook-examples';

function definitionOf(file: string): PlaybookDefinition {
  const example = readExamples().find((e) => e.file === file)!;
  const checked = validateDefinition(parse(example.yaml));
  if (!checked.ok) throw new Error(`${file}: ${checked.errors.join('; ')}`);
  return checked.definition;
}

const alert = (fields: Partial<NonNullable<EvaluationContext['alert']>>): EvaluationContext => ({
  alert: {
    id: 'a1',
    title: 'x',
    source: 'wazuh',
    severity: 'HIGH',
    status: 'NEW',
    riskScore: 50,
    normalized: {},
    scoreBreakdown: null,
    observables: [],
    occurrences: 1,
    ...fields,
  },
});

describe('example playbooks', () => {
  it('are the four the README documents, and every one validates', () => {
    const files = readExamples().map((e) => e.file);
    expect(files).toEqual([
      'brute-force.yaml',
      'low-risk-benign.yaml',
      'malware-hash.yaml',
      'phishing-url.yaml',
    ]);
    for (const file of files) expect(definitionOf(file).steps.length).toBeGreaterThan(0);
  });

  it('trigger on the alerts they are written for, and not on others', () => {
    const brute = definitionOf('brute-force.yaml').trigger!.condition;
    const sshd = alert({
      title: 'sshd: brute force trying to get access to the system.',
      normalized: { srcIp: '203.0.113.45' },
    });
    expect(evaluateCondition(brute, sshd)).toBe(true);
    expect(
      evaluateCondition(brute, alert({ title: 'Port scan', normalized: { srcIp: '1.2.3.4' } })),
    ).toBe(false);

    const malware = definitionOf('malware-hash.yaml').trigger!.condition;
    const infected = alert({
      normalized: { hostname: 'ws-17' },
      observables: [{ type: 'sha256', value: 'ab'.repeat(32), verdict: 'malicious' }],
    });
    expect(evaluateCondition(malware, infected)).toBe(true);
    expect(evaluateCondition(malware, alert({ normalized: { hostname: 'ws-17' } }))).toBe(false);

    const benign = definitionOf('low-risk-benign.yaml').trigger!.condition;
    const quiet = alert({
      severity: 'LOW',
      riskScore: 10,
      observables: [{ type: 'ipv4', value: '198.51.100.1', verdict: 'harmless' }],
    });
    expect(evaluateCondition(benign, quiet)).toBe(true);
    quiet.alert!.observables.push({ type: 'domain', value: 'evil.test', verdict: 'suspicious' });
    expect(evaluateCondition(benign, quiet)).toBe(false);

    const phishing = definitionOf('phishing-url.yaml').trigger!.condition;
    expect(
      evaluateCondition(
        phishing,
        alert({
          title: 'Phishing reported',
          observables: [{ type: 'url', value: 'http://x.test/a', verdict: null }],
        }),
      ),
    ).toBe(true);
  });
});
