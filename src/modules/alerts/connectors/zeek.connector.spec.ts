import { zeekInvalidCertificate, zeekPasswordGuessing } from './fixtures/zeek-thehive.fixtures';
import { suricataDnsQueryIpv6 } from './fixtures/suricata.fixtures';
import { ZeekConnector } from './zeek.connector';

describe(ZeekConnector.name, () => {
  const connector = new ZeekConnector();

  it('maps a notice: note as title, epoch-float ts with its six digits, no severity', () => {
    expect(connector.normalize(zeekPasswordGuessing)).toEqual({
      sourceTool: 'zeek',
      title: 'SSH::Password_Guessing',
      description: '198.51.100.44 appears to be guessing SSH passwords (seen in 30 connections).',
      eventTime: '2024-03-01T00:00:00.654321Z',
      srcIp: '198.51.100.44',
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: null,
      username: null,
      ruleId: 'SSH::Password_Guessing',
      ruleName: 'SSH::Password_Guessing',
      sourceSeverity: null,
      sourceSeverityLabel: 'unknown',
      tags: ['SSH'],
    });
  });

  it('falls back to the connection id for the endpoints', () => {
    expect(connector.normalize(zeekInvalidCertificate)).toMatchObject({
      eventTime: '2024-03-02T12:00:00.123456Z',
      srcIp: '10.70.1.9',
      srcPort: 49822,
      dstIp: '192.0.2.99',
      dstPort: 443,
    });
  });

  it('recognizes notices only', () => {
    expect(connector.recognizes(zeekPasswordGuessing)).toBe(true);
    expect(connector.recognizes(suricataDnsQueryIpv6)).toBe(false);
  });
});
