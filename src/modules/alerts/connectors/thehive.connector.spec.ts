import {
  theHiveAlertWebhook,
  theHiveAlertWithArtifacts,
  theHiveCase,
  theHiveCreateAlertBody,
  zeekPasswordGuessing,
} from './fixtures/zeek-thehive.fixtures';
import { TheHiveConnector } from './thehive.connector';

describe(TheHiveConnector.name, () => {
  const connector = new TheHiveConnector();

  it('maps an alert: epoch-ms date, severity 4 as critical, no host or user', () => {
    expect(connector.normalize(theHiveAlertWithArtifacts)).toEqual({
      sourceTool: 'thehive',
      title: 'Phishing campaign targeting finance',
      description: 'Reported by three users.',
      eventTime: '2024-04-01T19:33:20.000Z',
      srcIp: null,
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: null,
      username: null,
      ruleId: null,
      ruleName: null,
      sourceSeverity: 95,
      sourceSeverityLabel: 'critical',
      tags: ['phishing', 'finance'],
    });
  });

  it.each([
    [1, 'low', 30],
    [2, 'medium', 55],
    [3, 'high', 80],
    [5, 'unknown', null],
  ])('maps severity %i to %s', (severity, label, score) => {
    expect(connector.normalize({ ...theHiveAlertWithArtifacts, severity })).toMatchObject({
      sourceSeverityLabel: label,
      sourceSeverity: score,
    });
  });

  it('maps a case: created at _createdAt, severity 3 as high', () => {
    expect(connector.recognizes(theHiveCase)).toBe(true);
    expect(connector.normalize(theHiveCase)).toMatchObject({
      sourceTool: 'thehive',
      title: 'Credential phishing follow-up',
      eventTime: '2024-04-01T19:33:20.500Z',
      hostname: null,
      username: null,
      sourceSeverityLabel: 'high',
    });
  });

  it('unwraps the alert of a webhook notification (`object`)', () => {
    expect(connector.normalize(theHiveAlertWebhook)).toMatchObject({
      sourceTool: 'thehive',
      title: 'Suspicious login burst',
      eventTime: '2024-04-01T19:33:20.000Z',
      sourceSeverityLabel: 'medium',
    });
  });

  it('recognizes a TheHive 5 create-alert body carrying observables and no tlp', () => {
    expect(connector.recognizes(theHiveCreateAlertBody)).toBe(true);
    expect(connector.normalize(theHiveCreateAlertBody).sourceSeverityLabel).toBe('critical');
  });

  it('recognizes a create-alert body without _type', () => {
    const body = { title: 'x', source: 'misp', sourceRef: 'r-1', type: 'external', tlp: 2 };
    expect(connector.recognizes(body)).toBe(true);
    expect(connector.recognizes(zeekPasswordGuessing)).toBe(false);
  });
});
