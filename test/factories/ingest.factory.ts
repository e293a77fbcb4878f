import { createHmac } from 'node:crypto';
import type { TestApp } from '../helpers/test-app';

export interface IngestKey {
  id: string;
  key: string;
  signingSecret?: string;
}

export async function createIngestKey(
  t: TestApp,
  adminToken: string,
  source = 'wazuh',
  signed = false,
): Promise<IngestKey> {
  const response = await t
    .http()
    .post('/api-keys')
    .auth(adminToken, { type: 'bearer' })
    .send({ name: `${source}-key`, source, signed })
    .expect(201);
  return response.body as IngestKey;
}

/** The headers a sender of a signed key adds: HMAC-SHA256 of `<timestamp>.<raw body>`. */
export function signatureHeaders(
  secret: string,
  body: string,
  timestamp = Math.floor(Date.now() / 1000),
): { 'x-signature-timestamp': string; 'x-signature': string } {
  const hmac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return { 'x-signature-timestamp': String(timestamp), 'x-signature': `sha256=${hmac}` };
}

export async function countRows(t: TestApp): Promise<{ alerts: number; jobs: number }> {
  const [alerts, [jobs]] = await Promise.all([
    t.prisma.alert.count(),
    t.prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'alert.process'`,
  ]);
  return { alerts, jobs: Number(jobs.n) };
}

/** A Wazuh alert in its alerts.json shape (invented values). */
export function wazuhAlert(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    timestamp: '2026-11-21T10:00:00.123+0000',
    rule: {
      level: 10,
      description: 'sshd: brute force trying to get access to the system.',
      id: '5712',
      groups: ['sshd'],
    },
    agent: { id: '004', name: 'web-01', ip: '10.0.1.15' },
    manager: { name: 'wazuh-manager' },
    id: '1763719200.1001',
    full_log:
      'sshd[1234]: Failed password for invalid user admin from 203.0.113.45 port 51234 ssh2',
    data: { srcip: '203.0.113.45', srcport: '51234', srcuser: 'admin' },
    location: '/var/log/auth.log',
    ...overrides,
  };
}
