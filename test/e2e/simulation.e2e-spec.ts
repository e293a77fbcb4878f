import { SIM_INDICATORS as sim } from '../../src/modules/alerts/sim/sim-scenarios';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { waitForProcessed, type AlertView } from '../helpers/alerts';
import { startTestApp, type TestApp } from '../helpers/test-app';

interface ScenarioStory {
  /** Every indicator an analyst expects to see on the alert. */
  observables: string[];
  attackers: Record<string, 'malicious' | 'suspicious'>;
  victims: string[];
  /** Source severity x 90% + 20 (suspicious) or 40 (malicious), capped at 100. */
  score: number;
  severity: string;
  hostname?: string;
  username?: string;
}

/** What an analyst should read on each simulated alert with the default (mock) intelligence. */
const STORIES: Record<string, ScenarioStory[]> = {
  'guardduty-portscan': [
    {
      observables: [`ipv4:${sim.portScanner}`, `ipv4:${sim.ec2PublicIp}`, 'ipv4:10.0.1.25'],
      attackers: { [sim.portScanner]: 'suspicious' },
      victims: [sim.ec2PublicIp],
      score: 65,
      severity: 'MEDIUM',
    },
  ],
  'o365-impossible-travel': [
    {
      observables: [
        `email:${sim.travelUser}`,
        `ipv4:${sim.travelForeignIp}`,
        `ipv4:${sim.travelHomeIp}`,
      ],
      attackers: { [sim.travelForeignIp]: 'suspicious' },
      victims: [sim.travelUser, sim.travelHomeIp],
      score: 70,
      severity: 'HIGH',
      username: 'j.doe',
    },
  ],
  'edr-malware': [
    {
      observables: [
        `sha256:${sim.malwareSha256}`,
        `md5:${sim.malwareMd5}`,
        `url:${sim.stagerUrl}`,
        `domain:${sim.stagerDomain}`,
        'ipv4:10.20.30.44',
      ],
      attackers: {
        [sim.malwareSha256]: 'malicious',
        [sim.malwareMd5]: 'malicious',
        [sim.stagerUrl]: 'malicious',
        [sim.stagerDomain]: 'malicious',
      },
      victims: [],
      score: 100,
      severity: 'CRITICAL',
      hostname: 'FIN-LAPTOP-07',
      username: 'a.smith',
    },
  ],
  'vpn-bruteforce': [0, 1, 2, 3, 4].map((attempt) => ({
    observables: [`ipv4:${sim.vpnAttacker}`],
    attackers: { [sim.vpnAttacker]: 'suspicious' },
    victims: [],
    score: attempt < 4 ? 52 : 74,
    severity: attempt < 4 ? 'MEDIUM' : 'HIGH',
    username: `vpnuser${attempt}`,
  })),
  phishing: [
    {
      observables: [
        `email:${sim.phishSender}`,
        `email:${sim.phishRecipient}`,
        `url:${sim.phishUrl}`,
        `domain:${sim.phishDomain}`,
        `sha256:${sim.phishAttachmentSha256}`,
        `ipv4:${sim.phishRelayIp}`,
      ],
      attackers: {
        [sim.phishSender]: 'malicious',
        [sim.phishUrl]: 'malicious',
        [sim.phishDomain]: 'malicious',
        [sim.phishAttachmentSha256]: 'malicious',
        [sim.phishRelayIp]: 'suspicious',
      },
      victims: [sim.phishRecipient],
      score: 100,
      severity: 'CRITICAL',
    },
  ],
};

const verdictOf = (alert: AlertView, value: string) =>
  alert.observables.find((o) => o.value === value)?.enrichments.map((e) => e.verdict);

describe('Simulated scenarios with the demo threat list (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const bearer = { type: 'bearer' } as const;

  beforeAll(async () => {
    t = await startTestApp({ WORKERS: '2' });
    users = await createRoleUsers(t);
  });
  afterAll(() => t.close());

  it.each(Object.keys(STORIES))('%s tells a true story', async (scenario) => {
    const response = await t
      .http()
      .post(`/sim/${scenario}`)
      .auth(users.ADMIN.token, bearer)
      .expect(202);
    const receipts = response.body.alerts as { alertId: string }[];
    expect(receipts).toHaveLength(STORIES[scenario].length);
    for (const [index, story] of STORIES[scenario].entries()) {
      const alert = await waitForProcessed(t, users.ANALYST.token, receipts[index].alertId);
      expect(alert.state).toBe('PROCESSED');
      const seen = alert.observables.map((o) => `${o.type}:${o.value}`);
      expect(seen).toEqual(expect.arrayContaining(story.observables));
      for (const [value, verdict] of Object.entries(story.attackers))
        expect(verdictOf(alert, value)).toEqual([verdict]);
      for (const value of story.victims) expect(verdictOf(alert, value)).toEqual(['unknown']);
      if (story.hostname) expect(alert.normalized?.hostname).toBe(story.hostname);
      if (story.username) expect(alert.normalized?.username).toBe(story.username);

      // The severity follows from the breakdown: source severity plus the listed intel.
      expect(alert).toMatchObject({ riskScore: story.score, severity: story.severity });
      const breakdown = alert.scoreBreakdown ?? [];
      expect(breakdown.reduce((sum, entry) => sum + entry.points, 0)).toBe(alert.riskScore);
      const intel = breakdown.find((entry) => entry.factor === 'threat_intel');
      const strongest = Object.values(story.attackers).includes('malicious')
        ? 'malicious'
        : 'suspicious';
      expect(intel).toMatchObject({ points: strongest === 'malicious' ? 40 : 20 });
      expect(intel?.reason).toMatch(new RegExp(`is ${strongest}$`));
      expect(Object.keys(story.attackers).some((value) => intel?.reason.includes(value))).toBe(
        true,
      );
      expect(alert.caseId !== null).toBe(['HIGH', 'CRITICAL'].includes(story.severity));
      expect(alert.autoClosed).toBe(false);
    }
  });
});
