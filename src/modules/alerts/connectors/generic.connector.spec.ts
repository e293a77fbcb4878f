import { VENDOR_CONNECTORS } from './connector.registry';
import { falconAlertsApiResponse } from './fixtures/crowdstrike.fixtures';
import { guardDutyAsffInSecurityHubEvent } from './fixtures/guardduty.fixtures';
import {
  genericFlatAlert,
  genericNestedAlert,
  genericSuricataInMessage,
  genericWrappedWazuh,
} from './fixtures/generic.fixtures';
import { defenderEndpointAlert, graphSecurityAlert } from './fixtures/microsoft.fixtures';
import {
  theHiveAlertWebhook,
  theHiveAlertWithArtifacts,
  theHiveCase,
  zeekPasswordGuessing,
} from './fixtures/zeek-thehive.fixtures';
import { GenericConnector } from './generic.connector';

describe(GenericConnector.name, () => {
  const connector = new GenericConnector(VENDOR_CONNECTORS);

  it('maps snake_case field variants; a 0.0.0.0 destination is null', () => {
    expect(connector.normalize(genericFlatAlert)).toEqual({
      sourceTool: 'generic',
      title: 'Impossible travel sign-in',
      description:
        'Sign-in for m.keller@example.com from 198.51.100.12 two hours after one from Berlin.',
      eventTime: '2024-08-01T09:10:11Z',
      srcIp: '198.51.100.12',
      srcPort: 443,
      dstIp: null,
      dstPort: null,
      hostname: 'idp-gateway',
      username: 'm.keller',
      ruleId: 'IT-007',
      ruleName: 'Impossible travel sign-in',
      sourceSeverity: 80,
      sourceSeverityLabel: 'high',
      tags: ['identity', 'travel'],
    });
  });

  it('maps nested dotted variants and never takes the host address as source', () => {
    expect(connector.normalize(genericNestedAlert)).toEqual({
      sourceTool: 'generic',
      title: 'Outbound SMB to Internet',
      description: 'SMB session to 203.0.113.45 from files-02',
      eventTime: '2024-08-01T23:02:03.456Z',
      srcIp: '10.0.9.2',
      srcPort: 50445,
      dstIp: '203.0.113.45',
      dstPort: 445,
      hostname: 'files-02',
      username: 'backup',
      ruleId: 'NET-445',
      ruleName: 'Outbound SMB to Internet',
      sourceSeverity: 80,
      sourceSeverityLabel: 'high',
      tags: ['intrusion_detection'],
    });
    const hostOnly = { host: { name: 'files-02', ip: '10.0.9.2' }, title: 'x' };
    expect(connector.normalize(hostOnly).srcIp).toBeNull();
  });

  it('takes no source or destination from a list of several addresses', () => {
    const listed = { title: 'x', src_ip: ['198.51.100.1', '198.51.100.2'], dst_ip: ['192.0.2.9'] };
    expect(connector.normalize(listed)).toMatchObject({ srcIp: null, dstIp: '192.0.2.9' });
  });

  it.each([
    ['CrowdStrike Alerts API', falconAlertsApiResponse, 'crowdstrike_falcon'],
    ['Defender for Endpoint', defenderEndpointAlert, 'microsoft_defender_endpoint'],
    ['Graph security', graphSecurityAlert, 'microsoft_graph_security'],
    ['Zeek notice', zeekPasswordGuessing, 'zeek'],
    ['TheHive', theHiveAlertWithArtifacts, 'thehive'],
    ['a TheHive case', theHiveCase, 'thehive'],
    ['a TheHive webhook notification', theHiveAlertWebhook, 'thehive'],
    ['a GuardDuty finding in Security Hub (ASFF)', guardDutyAsffInSecurityHubEvent, 'guardduty'],
    ['a Wazuh alert in an { alert } wrapper', genericWrappedWazuh, 'wazuh'],
    ['Suricata EVE inside a Logstash message', genericSuricataInMessage, 'suricata'],
  ])('delegates %s to its format', (_name, payload, sourceTool) => {
    expect(connector.normalize(payload).sourceTool).toBe(sourceTool);
  });

  it('maps an envelope-wrapped alert with the inner alert fields', () => {
    expect(connector.normalize(genericWrappedWazuh)).toMatchObject({
      title: 'Host-based anomaly detection event.',
      srcIp: '192.0.2.61',
      hostname: 'mail-gw',
    });
    expect(connector.normalize(genericSuricataInMessage)).toMatchObject({
      eventTime: '2024-08-04T00:00:00.250000Z',
      srcIp: '192.0.2.71',
      dstPort: 3389,
    });
  });

  it.each([
    [{ title: 'a', severity: 'moderate' }, 'medium', 55],
    [{ title: 'a', priority: 9.5 }, 'critical', 95],
    [{ title: 'a', severity: 35 }, 'low', 35],
    [{ title: 'a', severity: 'whatever' }, 'unknown', null],
  ])('reads severity words, 0-10 and 0-100 scores (%j)', (payload, label, score) => {
    expect(connector.normalize(payload)).toMatchObject({
      sourceSeverityLabel: label,
      sourceSeverity: score,
    });
  });

  it('accepts epoch seconds and epoch milliseconds as event time', () => {
    expect(connector.normalize({ name: 'a', time: 1700000000 }).eventTime).toBe(
      '2023-11-14T22:13:20Z',
    );
    expect(connector.normalize({ name: 'a', timestamp: '1700000000123' }).eventTime).toBe(
      '2023-11-14T22:13:20.123Z',
    );
  });

  it('gives an empty payload an all-null alert', () => {
    expect(connector.normalize({})).toMatchObject({
      sourceTool: 'generic',
      title: null,
      eventTime: null,
      sourceSeverityLabel: 'unknown',
      tags: [],
    });
  });
});
