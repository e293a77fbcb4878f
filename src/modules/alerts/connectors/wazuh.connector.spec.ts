import {
  wazuhCriticalFileChange,
  wazuhGcpAuditAlert,
  wazuhGuardDutyPortProbe,
  wazuhSshBruteForce,
  wazuhWindowsLogonFailureInLogstash,
  wazuhWindowsProcessCreation,
} from './fixtures/wazuh.fixtures';
import { suricataDnsQueryIpv6 } from './fixtures/suricata.fixtures';
import { WazuhConnector } from './wazuh.connector';

describe(WazuhConnector.name, () => {
  const connector = new WazuhConnector();

  it('maps an sshd alert: agent name as host, srcip/srcuser, level 10 as medium', () => {
    expect(connector.normalize(wazuhSshBruteForce)).toEqual({
      sourceTool: 'wazuh',
      title: 'sshd: brute force trying to get access to the system. Non existent user.',
      description:
        'Mar  5 08:15:41 web-frontend-3 sshd[30211]: Invalid user oracle from 203.0.113.77 port 40022',
      eventTime: '2024-03-05T08:15:42.118Z',
      srcIp: '203.0.113.77',
      srcPort: 40022,
      dstIp: null,
      dstPort: null,
      hostname: 'web-frontend-3',
      username: 'oracle',
      ruleId: '5712',
      ruleName: 'sshd: brute force trying to get access to the system. Non existent user.',
      sourceSeverity: 60,
      sourceSeverityLabel: 'medium',
      tags: ['syslog', 'sshd', 'authentication_failures', 'Credential Access', 'T1110'],
    });
  });

  it('unwraps a Logstash event and converts a -0300 offset to UTC', () => {
    expect(connector.normalize(wazuhWindowsLogonFailureInLogstash)).toEqual({
      sourceTool: 'wazuh',
      title: 'Logon failure - Unknown user or bad password.',
      description: null,
      eventTime: '2024-04-10T15:00:01.935Z',
      srcIp: '192.0.2.145',
      srcPort: null,
      dstIp: null,
      dstPort: null,
      hostname: 'FIN-WS-0042',
      username: 'j.martin',
      ruleId: '60122',
      ruleName: 'Logon failure - Unknown user or bad password.',
      sourceSeverity: 35,
      sourceSeverityLabel: 'low',
      tags: [
        'windows',
        'windows_security',
        'authentication_failed',
        'Defense Evasion',
        'Initial Access',
        'T1078',
      ],
    });
  });

  it('takes the Windows subject account when the target account is the - placeholder', () => {
    expect(connector.normalize(wazuhWindowsProcessCreation)).toMatchObject({
      hostname: 'FIN-WS-0042',
      username: 'j.martin',
      sourceSeverityLabel: 'low',
    });
  });

  it('takes the cloud module actor and caller address', () => {
    const alert = connector.normalize(wazuhGcpAuditAlert);
    expect(alert).toMatchObject({
      srcIp: '198.51.100.200',
      username: 'mallory@example.org',
      hostname: 'wazuh-manager',
      sourceSeverity: 73,
      sourceSeverityLabel: 'high',
    });
  });

  it('takes an Office 365 ClientIP written with a port as the source address', () => {
    const office365 = (ClientIP: string) => ({
      ...wazuhGcpAuditAlert,
      data: { office365: { ClientIP, UserId: 'r.silva@contoso.example.com' } },
    });
    expect(connector.normalize(office365('203.0.113.66:51234'))).toMatchObject({
      srcIp: '203.0.113.66',
      username: 'r.silva@contoso.example.com',
    });
    expect(connector.normalize(office365('[2001:db8::66]:443')).srcIp).toBe('2001:db8::66');
  });

  it('maps a GuardDuty finding read by the AWS module like GuardDuty does', () => {
    expect(connector.normalize(wazuhGuardDutyPortProbe)).toMatchObject({
      srcIp: '198.51.100.45',
      dstIp: '10.0.1.20',
      dstPort: 22,
      hostname: 'wazuh-manager',
      sourceSeverityLabel: 'low',
    });
    const apiCall = {
      ...wazuhGuardDutyPortProbe,
      data: {
        aws: {
          source: 'guardduty',
          resource: { accessKeyDetails: { userName: 'ci-deployer' } },
          service: {
            action: {
              actionType: 'AWS_API_CALL',
              awsApiCallAction: { remoteIpDetails: { ipAddressV4: '203.0.113.201' } },
            },
          },
        },
      },
    };
    expect(connector.normalize(apiCall)).toMatchObject({
      srcIp: '203.0.113.201',
      dstIp: null,
      username: 'ci-deployer',
    });
  });

  it('finds a module actor nested anywhere under data', () => {
    const githubAlert = {
      ...wazuhGcpAuditAlert,
      data: { github: { audit: { actor: 'octo-intruder', action: 'repo.destroy' } } },
    };
    expect(connector.normalize(githubAlert).username).toBe('octo-intruder');
  });

  it('rates level 15 as critical and keeps a Z timestamp without fraction', () => {
    expect(connector.normalize(wazuhCriticalFileChange)).toMatchObject({
      eventTime: '2024-01-31T23:59:59Z',
      sourceSeverity: 95,
      sourceSeverityLabel: 'critical',
    });
  });

  it('gives null for invalid or placeholder source addresses', () => {
    const invalid = { ...wazuhSshBruteForce, data: { srcip: '000.111.222.10', dstip: '0.0.0.0' } };
    expect(connector.normalize(invalid)).toMatchObject({ srcIp: null, dstIp: null });
  });

  it('recognizes Wazuh alerts and not EVE records', () => {
    expect(connector.recognizes(wazuhSshBruteForce)).toBe(true);
    expect(connector.recognizes(suricataDnsQueryIpv6)).toBe(false);
  });
});
