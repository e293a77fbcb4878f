import { buildNormalizedAlert } from './normalized-alert.factory';

describe(buildNormalizedAlert.name, () => {
  it('fills every field, null when absent', () => {
    expect(buildNormalizedAlert('generic', {})).toEqual({
      sourceTool: 'generic',
      title: null,
      description: null,
      eventTime: null,
      srcIp: null,
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: null,
      username: null,
      ruleId: null,
      ruleName: null,
      sourceSeverity: null,
      sourceSeverityLabel: 'unknown',
      tags: [],
    });
  });

  it('treats empty strings as absent and dedupes tags', () => {
    const alert = buildNormalizedAlert('splunk', {
      title: '  ',
      username: '',
      hostname: ' web-1 ',
      tags: ['a', ' a ', '', 'b'],
      severity: { label: 'high', score: 80 },
    });
    expect(alert).toMatchObject({
      title: null,
      username: null,
      hostname: 'web-1',
      tags: ['a', 'b'],
      sourceSeverity: 80,
      sourceSeverityLabel: 'high',
    });
  });
});
