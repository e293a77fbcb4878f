/** A realistic ~1.5 KB Wazuh sshd brute-force alert (invented values, documentation IPs). */
export function sampleWazuhAlert(sequence = 0): Record<string, unknown> {
  return {
    timestamp: new Date().toISOString().replace('Z', '+0000'),
    rule: {
      level: 10,
      description: 'sshd: brute force trying to get access to the system. Non existent user.',
      id: '5712',
      mitre: { id: ['T1110'], tactic: ['Credential Access'], technique: ['Brute Force'] },
      frequency: 8,
      firedtimes: 1 + (sequence % 50),
      groups: ['syslog', 'sshd', 'authentication_failures'],
      pci_dss: ['10.2.4', '10.2.5', '11.4'],
      gdpr: ['IV_35.7.d', 'IV_32.2'],
    },
    agent: { id: '004', name: 'web-frontend-01', ip: '10.20.1.15' },
    manager: { name: 'wazuh-manager' },
    id: `1763700000.${100000 + sequence}`,
    cluster: { name: 'wazuh', node: 'master' },
    full_log: `Nov 21 10:00:00 web-frontend-01 sshd[24${sequence % 1000}]: Invalid user oracle from 203.0.113.${sequence % 250} port 5${sequence % 9999} ssh2`,
    previous_output:
      'Nov 21 09:59:58 web-frontend-01 sshd[24001]: Invalid user admin from 203.0.113.45 port 51200 ssh2\n' +
      'Nov 21 09:59:56 web-frontend-01 sshd[24000]: Invalid user test from 203.0.113.45 port 51100 ssh2',
    predecoder: { program_name: 'sshd', timestamp: 'Nov 21 10:00:00', hostname: 'web-frontend-01' },
    decoder: { parent: 'sshd', name: 'sshd' },
    data: {
      srcip: `203.0.113.${sequence % 250}`,
      srcport: `5${sequence % 9999}`,
      srcuser: 'oracle',
    },
    location: '/var/log/auth.log',
  };
}
