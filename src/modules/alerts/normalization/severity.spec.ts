import {
  labelFromScore,
  severityFor,
  severityFromScale,
  severityFromWord,
  severityFromWordAndScore,
  TEN_POINT_SEVERITY_BANDS,
} from './severity';

describe('severity', () => {
  it.each([
    ['Informational', 'info', 10],
    ['LOW', 'low', 30],
    ['moderate', 'medium', 55],
    ['High', 'high', 80],
    ['critical', 'critical', 95],
    ['UnSpecified', 'unknown', null],
    [null, 'unknown', null],
  ])('maps the word %p', (word, label, score) => {
    expect(severityFromWord(word)).toEqual({ label, score });
  });

  it('interpolates inside the class of a label', () => {
    expect(severityFor('medium', 0)).toEqual({ label: 'medium', score: 40 });
    expect(severityFor('medium', 1)).toEqual({ label: 'medium', score: 69 });
    expect(severityFor('high', 2)).toEqual({ label: 'high', score: 89 });
  });

  it.each([
    [0, 'info'],
    [19, 'info'],
    [20, 'low'],
    [39.5, 'medium'],
    [69, 'medium'],
    [70, 'high'],
    [90, 'critical'],
    [100, 'critical'],
  ])('classes the score %d as %s (DESIGN.md bands)', (score, label) => {
    expect(labelFromScore(score)).toBe(label);
  });

  it('keeps a vendor score inside the class of its word', () => {
    expect(severityFromWordAndScore('low', 21)).toEqual({ label: 'low', score: 21 });
    expect(severityFromWordAndScore('high', 21)).toEqual({ label: 'high', score: 70 });
    expect(severityFromWordAndScore(null, 47)).toEqual({ label: 'medium', score: 47 });
    expect(severityFromWordAndScore(null, null)).toEqual({ label: 'unknown', score: null });
  });

  it('bands a continuous 0-10 scale with its own thresholds', () => {
    expect(severityFromScale(3.9, TEN_POINT_SEVERITY_BANDS, 'continuous').label).toBe('low');
    expect(severityFromScale(4, TEN_POINT_SEVERITY_BANDS, 'continuous').label).toBe('medium');
    expect(severityFromScale(8.9, TEN_POINT_SEVERITY_BANDS, 'continuous').label).toBe('high');
    expect(severityFromScale(10, TEN_POINT_SEVERITY_BANDS, 'continuous')).toEqual({
      label: 'critical',
      score: 100,
    });
    expect(severityFromScale(-1, TEN_POINT_SEVERITY_BANDS, 'continuous').label).toBe('unknown');
    expect(severityFromScale(null, TEN_POINT_SEVERITY_BANDS, 'continuous').label).toBe('unknown');
  });

  it('keeps every step of an integer scale inside its class', () => {
    const wazuh = [
      { label: 'low', from: 0, to: 7 },
      { label: 'medium', from: 7, to: 12 },
      { label: 'high', from: 12, to: 15 },
      { label: 'critical', from: 15, to: 16 },
    ] as const;
    const scores = Array.from({ length: 16 }, (_, level) =>
      severityFromScale(level, wazuh, 'integer'),
    );
    expect(scores.map((s) => s.label)).toEqual([
      ...Array<string>(7).fill('low'),
      ...Array<string>(5).fill('medium'),
      ...Array<string>(3).fill('high'),
      'critical',
    ]);
    for (const { label, score } of scores) expect(labelFromScore(score ?? -1)).toBe(label);
  });
});
