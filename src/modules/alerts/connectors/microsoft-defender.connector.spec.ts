import { defenderEndpointAlert, graphSecurityAlert } from './fixtures/microsoft.fixtures';
import { MicrosoftDefenderConnector } from './microsoft-defender.connector';

describe(MicrosoftDefenderConnector.name, () => {
  const connector = new MicrosoftDefenderConnector();

  it('maps an API alert, keeping seven fractional digits of alertCreationTime', () => {
    expect(connector.normalize(defenderEndpointAlert)).toEqual({
      sourceTool: 'microsoft_defender_endpoint',
      title: 'Suspicious beaconing to a remote server',
      description: 'A process made periodic connections to 203.0.113.64.',
      eventTime: '2024-02-29T23:59:58.1234567Z',
      srcIp: null,
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: 'hr-laptop-12.contoso.example.com',
      username: 'k.tanaka',
      ruleId: '7f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f',
      ruleName: 'Suspicious beaconing to a remote server',
      sourceSeverity: 55,
      sourceSeverityLabel: 'medium',
      tags: ['CommandAndControl', 'T1071.001', 'CobaltStrike'],
    });
  });

  it('falls back to the user evidence when relatedUser is null', () => {
    const alert = { ...defenderEndpointAlert, relatedUser: null };
    expect(connector.normalize(alert).username).toBe('k.tanaka');
  });

  it('unwraps a single-alert OData list response', () => {
    const response = {
      '@odata.context': 'https://api.example.com/$metadata#Alerts',
      value: [defenderEndpointAlert],
    };
    expect(connector.normalize(response).title).toBe('Suspicious beaconing to a remote server');
  });

  it('maps an alert listed in a Microsoft 365 Defender incident', () => {
    const incidentAlert = {
      alertId: 'da637349914833441527_393341063',
      serviceSource: 'MicrosoftDefenderATP',
      creationTime: '2024-09-06T12:18:03.3285366Z',
      title: "'Mimikatz' hacktool was detected",
      severity: 'Low',
      devices: [{ mdatpDeviceId: '24c2', deviceDnsName: 'ws-17.corp.example.com' }],
      entities: [{ entityType: 'User', accountName: 'n.ivanova' }],
    };
    expect(connector.recognizes(incidentAlert)).toBe(true);
    expect(connector.normalize(incidentAlert)).toMatchObject({
      eventTime: '2024-09-06T12:18:03.3285366Z',
      hostname: 'ws-17.corp.example.com',
      username: 'n.ivanova',
      sourceSeverityLabel: 'low',
    });
  });

  it('recognizes Defender API alerts and not Graph alerts', () => {
    expect(connector.recognizes(defenderEndpointAlert)).toBe(true);
    expect(connector.recognizes(graphSecurityAlert)).toBe(false);
  });
});
