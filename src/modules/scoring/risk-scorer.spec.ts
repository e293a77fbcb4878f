import { RiskScorer, severityClass } from './risk-scorer';
import { DEFAULT_WEIGHTS, resolveWeights } from './scoring-weights';
import type { ScoredEnrichment, ScoringInput, ScoringObservable } from './scoring.types';

const vt = (
  verdict: ScoredEnrichment['verdict'],
  malicious = 0,
  mock = false,
): ScoredEnrichment => ({
  provider: mock ? 'mock' : 'virustotal',
  verdict,
  reputationScore: verdict === 'malicious' ? 0.9 : verdict === 'suspicious' ? 0.4 : 0,
  details: { malicious },
  mock,
});
const feed = (verdict: ScoredEnrichment['verdict']): ScoredEnrichment => ({
  provider: 'feeds',
  verdict,
  reputationScore: verdict === 'malicious' ? 0.9 : 0,
  details: {},
  summary: 'listed in feed internal-compromised (10.1.2.3)',
  mock: false,
});
const ip = (
  value: string,
  enrichments: ScoredEnrichment[] = [],
  extra: Partial<ScoringObservable> = {},
): ScoringObservable => ({
  type: 'ipv4',
  value,
  internal: false,
  allowlisted: false,
  enrichments,
  ...extra,
});
const input = (overrides: Partial<ScoringInput>): ScoringInput => ({
  sourceSeverity: 30,
  sourceSeverityLabel: 'low',
  observables: [],
  assetCriticality: null,
  previousOccurrences: 0,
  ...overrides,
});

const scorer = new RiskScorer(DEFAULT_WEIGHTS);

describe(RiskScorer.name, () => {
  it.each([
    {
      name: 'benign internal noise auto-closes',
      input: input({ sourceSeverity: 30, observables: [ip('10.0.0.5', [], { internal: true })] }),
      score: 22,
      severity: 'LOW',
      autoClose: true,
      factors: [
        ['source_severity', 27],
        ['exposure', -5],
      ],
    },
    {
      name: 'a low alert whose external IP every provider calls harmless auto-closes',
      input: input({ sourceSeverity: 30, observables: [ip('198.51.100.7', [vt('harmless')])] }),
      score: 22,
      severity: 'LOW',
      autoClose: true,
      factors: [
        ['source_severity', 27],
        ['threat_intel', -5],
      ],
    },
    {
      name: 'an external IP nobody knows keeps a low alert open',
      input: input({ sourceSeverity: 30, observables: [ip('198.51.100.8', [vt('unknown')])] }),
      score: 30,
      severity: 'LOW',
      autoClose: false,
      factors: [
        ['source_severity', 27],
        ['threat_intel', 3],
      ],
    },
    {
      name: 'a Wazuh level 15 with more than 5 VirusTotal engines is CRITICAL and opens a case',
      input: input({
        sourceSeverity: 95,
        sourceSeverityLabel: 'critical',
        observables: [ip('203.0.113.66', [vt('malicious', 12)])],
      }),
      score: 100,
      severity: 'CRITICAL',
      autoClose: false,
      openCase: true,
      factors: [
        ['source_severity', 86],
        ['threat_intel', 40],
        ['threat_intel', 10],
        ['cap', -36],
      ],
    },
    {
      name: 'five engines are not yet strong evidence',
      input: input({ sourceSeverity: 30, observables: [ip('203.0.113.67', [vt('malicious', 5)])] }),
      score: 67,
      severity: 'MEDIUM',
      autoClose: false,
      factors: [
        ['source_severity', 27],
        ['threat_intel', 40],
      ],
    },
    {
      name: 'a medium alert on a CRITICAL asset is High',
      input: input({
        sourceSeverity: 55,
        sourceSeverityLabel: 'medium',
        assetCriticality: 'CRITICAL',
      }),
      score: 70,
      severity: 'HIGH',
      openCase: true,
      autoClose: false,
      factors: [
        ['source_severity', 50],
        ['asset_criticality', 20],
      ],
    },
    {
      name: 'a repeated low alert rises with its occurrences',
      input: input({ sourceSeverity: 30, previousOccurrences: 99 }),
      score: 37,
      severity: 'LOW',
      autoClose: false,
      factors: [
        ['source_severity', 27],
        ['recurrence', 10],
      ],
    },
    {
      name: 'an allow-listed indicator does not raise the score and discounts it',
      input: input({
        sourceSeverity: 55,
        sourceSeverityLabel: 'medium',
        observables: [ip('192.0.2.10', [vt('malicious', 30)], { allowlisted: true })],
      }),
      score: 40,
      severity: 'MEDIUM',
      autoClose: false,
      factors: [
        ['source_severity', 50],
        ['allowlist', -10],
      ],
    },
    {
      name: 'a suspicious verdict blocks auto-close even at a low score',
      input: input({
        sourceSeverity: 5,
        sourceSeverityLabel: 'info',
        observables: [ip('198.51.100.9', [vt('suspicious')])],
      }),
      score: 25,
      severity: 'LOW',
      autoClose: false,
      factors: [
        ['source_severity', 5],
        ['threat_intel', 20],
      ],
    },
    {
      name: 'a source without severity gets the neutral default',
      input: input({ sourceSeverity: null, sourceSeverityLabel: 'unknown' }),
      score: 30,
      severity: 'LOW',
      autoClose: false,
      factors: [['source_severity', 30]],
    },
    {
      name: 'mock verdicts count and say so',
      input: input({
        sourceSeverity: 55,
        sourceSeverityLabel: 'medium',
        observables: [ip('203.0.113.70', [vt('malicious', 0, true)])],
      }),
      score: 90,
      severity: 'CRITICAL',
      openCase: true,
      autoClose: false,
      factors: [
        ['source_severity', 50],
        ['threat_intel', 40],
      ],
    },
    {
      name: 'an informational alert without indicators auto-closes',
      input: input({ sourceSeverity: 10, sourceSeverityLabel: 'info' }),
      score: 9,
      severity: 'INFO',
      autoClose: true,
      factors: [['source_severity', 9]],
    },
    {
      name: 'one unknown indicator among harmless ones keeps the alert open',
      input: input({
        observables: [ip('198.51.100.10', [vt('harmless')]), ip('198.51.100.11', [vt('unknown')])],
      }),
      score: 30,
      severity: 'LOW',
      autoClose: false,
      factors: [
        ['source_severity', 27],
        ['threat_intel', 3],
      ],
    },
    {
      name: 'a bad verdict on an internal indicator is never ignored',
      input: input({
        observables: [ip('10.1.2.3', [feed('malicious')], { internal: true })],
      }),
      score: 62,
      severity: 'MEDIUM',
      autoClose: false,
      factors: [
        ['source_severity', 27],
        ['threat_intel', 40],
        ['exposure', -5],
      ],
    },
    {
      name: 'more than 5 VirusTotal engines are strong evidence even under a stricter VirusTotal threshold',
      input: input({ observables: [ip('203.0.113.68', [vt('suspicious', 7)])] }),
      score: 57,
      severity: 'MEDIUM',
      autoClose: false,
      factors: [
        ['source_severity', 27],
        ['threat_intel', 20],
        ['threat_intel', 10],
      ],
    },
    {
      name: 'a non-numeric source severity falls back to the neutral default',
      input: input({ sourceSeverity: Number.NaN }),
      score: 30,
      severity: 'LOW',
      autoClose: false,
      factors: [['source_severity', 30]],
    },
  ])('$name', ({ input: scoringInput, score, severity, autoClose, openCase = false, factors }) => {
    const result = scorer.score(scoringInput);
    expect(result.score).toBe(score);
    expect(result.severity).toBe(severity);
    expect(result.breakdown.map((entry) => [entry.factor, entry.points])).toEqual(factors);
    expect(result.breakdown.reduce((sum, entry) => sum + entry.points, 0)).toBe(score);
    expect(result.breakdown.every((entry) => entry.reason.length > 0)).toBe(true);
    expect(scorer.decide(result, { autoCloseBelow: 30 })).toMatchObject({ autoClose, openCase });
  });

  it('explains threat intel with the provider and the indicator', () => {
    const reasons = (observables: ScoringObservable[]) =>
      scorer.score(input({ observables })).breakdown.map((entry) => entry.reason);
    expect(reasons([ip('203.0.113.66', [vt('malicious', 12)])])).toEqual([
      'Source severity low (30/100)',
      'VirusTotal: 12 engines flag 203.0.113.66 as malicious',
      'VirusTotal: 12 engines flag 203.0.113.66 as malicious (strong evidence)',
    ]);
    expect(reasons([ip('10.1.2.3', [feed('malicious')])])[1]).toBe(
      'Threat feeds: 10.1.2.3 is malicious (listed in feed internal-compromised (10.1.2.3))',
    );
    expect(reasons([ip('203.0.113.70', [vt('malicious', 0, true)])])[1]).toBe(
      'Mock intel [mock, not real threat intelligence]: 203.0.113.70 is malicious',
    );
    expect(reasons([ip('198.51.100.8', [vt('unknown')])])[1]).toBe(
      '1 external indicator(s) with no reputation: 198.51.100.8',
    );
  });

  it.each([
    [19, 'INFO', true],
    [20, 'LOW', true],
    [39, 'LOW', false],
    [40, 'MEDIUM', false],
    [69, 'MEDIUM', false],
    [70, 'HIGH', false],
    [89, 'HIGH', false],
    [90, 'CRITICAL', false],
  ])('scores a source hint of %i as %s (auto-close: %s)', (hint, severity, autoClose) => {
    const exact = new RiskScorer(resolveWeights({ sourcePercent: 100 }));
    const result = exact.score(input({ sourceSeverity: hint }));
    expect(result).toMatchObject({ score: hint, severity });
    expect(exact.decide(result, { autoCloseBelow: 30 })).toEqual({
      autoClose,
      openCase: severity === 'HIGH' || severity === 'CRITICAL',
      ...(autoClose ? { reason: expect.stringContaining('threshold 30') } : {}),
    });
  });

  it.each([
    [0, 'INFO'],
    [19, 'INFO'],
    [20, 'LOW'],
    [39, 'LOW'],
    [40, 'MEDIUM'],
    [69, 'MEDIUM'],
    [70, 'HIGH'],
    [89, 'HIGH'],
    [90, 'CRITICAL'],
    [100, 'CRITICAL'],
  ])('classifies %i as %s', (score, severity) => {
    expect(severityClass(score)).toBe(severity);
  });

  it('uses custom weights and validates them', () => {
    const heavyIntel = new RiskScorer(resolveWeights({ malicious: 60 }));
    expect(
      heavyIntel.score(input({ observables: [ip('203.0.113.9', [vt('malicious')])] })).score,
    ).toBe(87);
    expect(() => resolveWeights({ threat: 1 })).toThrow(/unknown weight "threat"/);
    expect(() => resolveWeights({ malicious: -1 })).toThrow(/non-negative/);
    expect(() => resolveWeights({ malicious: '40' })).toThrow(/non-negative/);
    expect(() => resolveWeights({ toString: 1 })).toThrow(/unknown weight "toString"/);
    expect(() => resolveWeights(JSON.parse('{"__proto__": {"malicious": 1}}'))).toThrow(
      /unknown weight "__proto__"/,
    );
  });

  it('never auto-closes an alert on a HIGH or CRITICAL asset', () => {
    const result = scorer.score(
      input({ sourceSeverity: 5, sourceSeverityLabel: 'info', assetCriticality: 'HIGH' }),
    );
    expect(result.score).toBe(15);
    expect(scorer.decide(result, { autoCloseBelow: 30 })).toEqual({
      autoClose: false,
      openCase: false,
    });
  });

  it('never auto-closes a high-severity alert whatever the threshold', () => {
    const result = scorer.score(input({ sourceSeverity: 80, sourceSeverityLabel: 'high' }));
    expect(result.score).toBe(72);
    expect(scorer.decide(result, { autoCloseBelow: 100 })).toEqual({
      autoClose: false,
      openCase: true,
    });
  });

  it('keeps whole points with fractional custom weights', () => {
    const fractional = new RiskScorer(resolveWeights({ sourcePercent: 33.3, assetMedium: 2.5 }));
    const result = fractional.score(input({ sourceSeverity: 55, assetCriticality: 'MEDIUM' }));
    expect(result.breakdown.map((entry) => entry.points)).toEqual([18, 3]);
    expect(result.score).toBe(21);
  });
});
