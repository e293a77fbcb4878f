import {
  defenderEndpointAlert,
  graphLegacyAlert,
  graphSecurityAlert,
} from './fixtures/microsoft.fixtures';
import { MicrosoftGraphConnector } from './microsoft-graph.connector';

describe(MicrosoftGraphConnector.name, () => {
  const connector = new MicrosoftGraphConnector();

  it('maps an alerts_v2 alert: device evidence host, process evidence account', () => {
    expect(connector.normalize(graphSecurityAlert)).toEqual({
      sourceTool: 'microsoft_graph_security',
      title: 'Suspicious scheduled task created',
      description: 'A scheduled task was created by an unusual process.',
      eventTime: '2024-07-01T06:07:08.9Z',
      srcIp: null,
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: 'kiosk-07',
      username: 'kiosk-user',
      ruleId: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e',
      ruleName: 'Suspicious scheduled task created',
      sourceSeverity: 10,
      sourceSeverityLabel: 'info',
      tags: ['Persistence', 'T1053.005'],
    });
  });

  it('maps a legacy alert with a single network connection as source and destination', () => {
    expect(connector.normalize(graphLegacyAlert)).toMatchObject({
      hostname: 'srv-app-01.contoso.example.com',
      username: 'appsvc',
      srcIp: '10.0.0.4',
      srcPort: 51234,
      dstIp: '198.51.100.3',
      dstPort: 443,
      eventTime: '2019-03-04T05:06:07.0000000Z',
      sourceSeverityLabel: 'high',
    });
  });

  it('recognizes Graph alerts and not Defender API alerts', () => {
    expect(connector.recognizes(graphSecurityAlert)).toBe(true);
    expect(connector.recognizes(graphLegacyAlert)).toBe(true);
    expect(connector.recognizes(defenderEndpointAlert)).toBe(false);
  });
});
