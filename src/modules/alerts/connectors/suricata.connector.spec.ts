import { suricataDnsQueryIpv6, suricataMalwareDownload } from './fixtures/suricata.fixtures';
import { zeekPasswordGuessing } from './fixtures/zeek-thehive.fixtures';
import { SuricataConnector } from './suricata.connector';

describe(SuricataConnector.name, () => {
  const connector = new SuricataConnector();

  it('maps an EVE alert with the top-level src/dest pair and severity 1 as high', () => {
    expect(connector.normalize(suricataMalwareDownload)).toEqual({
      sourceTool: 'suricata',
      title: 'ET MALWARE Win32/Stealer Payload Download',
      description: 'A Network Trojan was detected',
      eventTime: '2024-06-02T12:03:27.918273Z',
      srcIp: '10.50.1.23',
      srcPort: 51544,
      dstIp: '198.51.100.80',
      dstPort: 80,
      hostname: null,
      username: null,
      ruleId: '2031337',
      ruleName: 'ET MALWARE Win32/Stealer Payload Download',
      sourceSeverity: 80,
      sourceSeverityLabel: 'high',
      tags: ['A Network Trojan was detected', 'Command_And_Control', 'T1105'],
    });
  });

  it('maps IPv6 endpoints and severity 3 as low, keeping six fractional digits', () => {
    expect(connector.normalize(suricataDnsQueryIpv6)).toMatchObject({
      eventTime: '2024-06-03T01:02:03.000004Z',
      srcIp: '2001:db8:10::25',
      dstIp: '2001:db8:53::53',
      sourceSeverity: 30,
      sourceSeverityLabel: 'low',
    });
  });

  it('rates severity 2 as medium', () => {
    const alert = { ...(suricataMalwareDownload.alert as object), severity: 2 };
    expect(connector.normalize({ ...suricataMalwareDownload, alert })).toMatchObject({
      sourceSeverity: 55,
      sourceSeverityLabel: 'medium',
    });
  });

  it('recognizes EVE alerts only', () => {
    expect(connector.recognizes(suricataDnsQueryIpv6)).toBe(true);
    expect(connector.recognizes(zeekPasswordGuessing)).toBe(false);
  });
});
