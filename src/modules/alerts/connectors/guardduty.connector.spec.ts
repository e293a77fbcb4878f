import type { JsonObject } from '../../../common/types/json';
import {
  guardDutyApiCallFinding,
  guardDutyAsffInSecurityHubEvent,
  guardDutyDnsFinding,
  guardDutySdkPascalCaseFinding,
  guardDutySshBruteForceEvent,
} from './fixtures/guardduty.fixtures';
import { wazuhSshBruteForce } from './fixtures/wazuh.fixtures';
import { GuardDutyConnector } from './guardduty.connector';

const connectionAction = (direction: string, remoteIp = '198.51.100.33') => ({
  actionType: 'NETWORK_CONNECTION',
  networkConnectionAction: {
    connectionDirection: direction,
    remoteIpDetails: { ipAddressV4: remoteIp },
    remotePortDetails: { port: 443 },
    localIpDetails: { ipAddressV4: '10.0.1.20' },
    localPortDetails: { port: 50000 },
  },
});

describe(GuardDutyConnector.name, () => {
  const connector = new GuardDutyConnector();
  const finding = guardDutyApiCallFinding;

  it('unwraps an EventBridge event; an inbound connection has the remote peer as source', () => {
    expect(connector.normalize(guardDutySshBruteForceEvent)).toEqual({
      sourceTool: 'guardduty',
      title: '198.51.100.33 is performing SSH brute force attacks against i-0a1b2c3d4e5f60718.',
      description:
        '198.51.100.33 is performing SSH brute force attacks against i-0a1b2c3d4e5f60718.',
      eventTime: '2024-03-01T10:15:00.123Z',
      srcIp: '198.51.100.33',
      srcPort: 46022,
      dstIp: '10.0.1.20',
      dstPort: 22,
      hostname: null,
      username: null,
      ruleId: 'UnauthorizedAccess:EC2/SSHBruteForce',
      ruleName: 'UnauthorizedAccess:EC2/SSHBruteForce',
      sourceSeverity: 32,
      sourceSeverityLabel: 'low',
      tags: ['UnauthorizedAccess', 'Instance', 'NETWORK_CONNECTION'],
    });
  });

  it('takes the caller of an API call as source and the access key user as username', () => {
    expect(connector.normalize(finding)).toMatchObject({
      srcIp: '203.0.113.201',
      dstIp: null,
      username: 'ci-deployer',
      sourceSeverity: 81,
      sourceSeverityLabel: 'high',
    });
  });

  it('maps a finding with the PascalCase keys of the AWS SDKs', () => {
    expect(connector.recognizes(guardDutySdkPascalCaseFinding)).toBe(true);
    expect(connector.normalize(guardDutySdkPascalCaseFinding)).toMatchObject({
      title: 'API GetObject was invoked from an unusual location.',
      eventTime: '2024-04-06T06:06:06.606Z',
      srcIp: '198.51.100.77',
      dstIp: null,
      username: 'backup-bot',
      ruleId: 'UnauthorizedAccess:IAMUser/UnusualASNCaller',
      sourceSeverityLabel: 'medium',
    });
  });

  it('maps a finding imported into Security Hub (ASFF) with its resolved Network endpoints', () => {
    expect(connector.normalize(guardDutyAsffInSecurityHubEvent)).toMatchObject({
      sourceTool: 'guardduty',
      title: '198.51.100.34 is performing SSH brute force attacks against i-0a1b2c3d4e5f60718.',
      eventTime: '2024-04-07T07:07:07.707Z',
      srcIp: '198.51.100.34',
      srcPort: 46100,
      dstIp: '10.0.1.20',
      dstPort: 22,
      hostname: null,
      sourceSeverityLabel: 'low',
    });
    const [asff] = (guardDutyAsffInSecurityHubEvent.detail as { findings: JsonObject[] }).findings;
    const dnsRequest = {
      ...asff,
      ProductFields: { 'aws/guardduty/service/action/actionType': 'DNS_REQUEST' },
      Network: { Direction: 'OUT', SourceIpV4: '10.0.1.20', Domain: 'c2.bad-actor.example.net' },
    };
    expect(connector.normalize(dnsRequest)).toMatchObject({ srcIp: null, dstIp: null });
  });

  it('gives a DNS request no source or destination; severity above 9 is critical', () => {
    expect(connector.normalize(guardDutyDnsFinding)).toMatchObject({
      srcIp: null,
      dstIp: null,
      eventTime: '2024-04-05T05:05:05Z',
      sourceSeverity: 94,
      sourceSeverityLabel: 'critical',
    });
  });

  it('makes the remote peer of an outbound connection the destination', () => {
    const outbound = { ...finding, service: { action: connectionAction('OUTBOUND') } };
    expect(connector.normalize(outbound)).toMatchObject({
      srcIp: '10.0.1.20',
      srcPort: 50000,
      dstIp: '198.51.100.33',
      dstPort: 443,
    });
  });

  it('drops a 0.0.0.0 placeholder peer', () => {
    const placeholder = {
      ...finding,
      service: { action: connectionAction('OUTBOUND', '0.0.0.0') },
    };
    expect(connector.normalize(placeholder).dstIp).toBeNull();
  });

  it('takes a single port probe as source and gives several none', () => {
    const probe = (count: number) => ({
      ...finding,
      service: {
        action: {
          actionType: 'PORT_PROBE',
          portProbeAction: {
            portProbeDetails: Array.from({ length: count }, (_, index) => ({
              localPortDetails: { port: 3389 },
              localIpDetails: { ipAddressV4: '10.0.1.20' },
              remoteIpDetails: { ipAddressV4: `198.51.100.${index + 1}` },
            })),
          },
        },
      },
    });
    expect(connector.normalize(probe(1))).toMatchObject({ srcIp: '198.51.100.1', dstPort: 3389 });
    expect(connector.normalize(probe(2))).toMatchObject({ srcIp: null, dstIp: null });
  });

  it('recognizes findings and not other alerts', () => {
    expect(connector.recognizes(guardDutyDnsFinding)).toBe(true);
    expect(connector.recognizes(wazuhSshBruteForce)).toBe(false);
  });
});
