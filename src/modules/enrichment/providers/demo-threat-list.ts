import type { IndicatorType } from '../../../common/indicators/indicator';

export interface DemoThreat {
  type: IndicatorType;
  value: string;
  verdict: 'malicious' | 'suspicious';
  reputationScore: number;
  summary: string;
}

/**
 * The mock provider's whole knowledge: the attackers' indicators of the simulated scenarios
 * (alerts/sim/sim-scenarios.ts), so a demo tells a true story. Victims and everything else
 * are unknown. Documentation addresses and made-up names only.
 */
export const DEMO_THREATS: readonly DemoThreat[] = [
  {
    type: 'ipv4',
    value: '198.51.100.23',
    verdict: 'suspicious',
    reputationScore: 0.5,
    summary: 'Mass scanner probing SSH and RDP across cloud address space',
  },
  {
    type: 'ipv4',
    value: '203.0.113.77',
    verdict: 'suspicious',
    reputationScore: 0.6,
    summary: 'Reported for SSL VPN credential stuffing',
  },
  {
    type: 'ipv4',
    value: '203.0.113.199',
    verdict: 'suspicious',
    reputationScore: 0.5,
    summary: 'Exit node of an anonymising VPN seen in account-takeover sign-ins',
  },
  {
    type: 'sha256',
    value: '9f2c4d8e1b7a6350c1e8f4a2d9b3c7e5f0a1b2c3d4e5f60718293a4b5c6d7e8f',
    verdict: 'malicious',
    reputationScore: 0.95,
    summary: 'Information-stealer loader distributed as invoice_viewer.exe',
  },
  {
    type: 'md5',
    value: '5d41a2f7c9e3b8d06f1a4c2e9b7d3f58',
    verdict: 'malicious',
    reputationScore: 0.95,
    summary: 'Information-stealer loader distributed as invoice_viewer.exe',
  },
  {
    type: 'domain',
    value: 'cdn-update-check.net',
    verdict: 'malicious',
    reputationScore: 0.9,
    summary: 'Hosts PowerShell second-stage payloads',
  },
  {
    type: 'url',
    value: 'http://cdn-update-check.net/stage2.ps1',
    verdict: 'malicious',
    reputationScore: 0.9,
    summary: 'Serves a PowerShell second-stage payload',
  },
  {
    type: 'domain',
    value: 'paypa1-secure-billing.com',
    verdict: 'malicious',
    reputationScore: 0.9,
    summary: 'PayPal look-alike credential-phishing domain',
  },
  {
    type: 'url',
    value: 'https://paypa1-secure-billing.com/login?session=8812',
    verdict: 'malicious',
    reputationScore: 0.9,
    summary: 'Credential-harvesting page imitating the PayPal login',
  },
  {
    type: 'email',
    value: 'billing@paypa1-secure-billing.com',
    verdict: 'malicious',
    reputationScore: 0.85,
    summary: 'Sender of PayPal-themed phishing campaigns',
  },
  {
    type: 'sha256',
    value: 'b4e1f07a9c2d3e5f6a7b8c9d0e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b',
    verdict: 'malicious',
    reputationScore: 0.95,
    summary: 'Trojan dropper disguised as a PDF invoice',
  },
  {
    type: 'ipv4',
    value: '192.0.2.145',
    verdict: 'suspicious',
    reputationScore: 0.4,
    summary: 'Mail relay sending bulk phishing',
  },
];
