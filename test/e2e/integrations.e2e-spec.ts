import { SecretBox } from '../../src/common/crypto/secret-box';
import { logDestination } from '../../src/common/logging/log-destination';
import { AuditService } from '../../src/modules/audit/audit.service';
import type { IntegrationDto } from '../../src/modules/integrations/dto/integration.dto';
import { IntegrationRegistry } from '../../src/modules/integrations/integration-registry';
import { IntegrationsRepository } from '../../src/modules/integrations/integrations.repository';
import { IntegrationsService } from '../../src/modules/integrations/integrations.service';
import { putIntegration } from '../factories/integrations.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { sealAudit } from '../helpers/audit';
import { runSql } from '../helpers/sql';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { VirusTotalFake } from '../fakes/virustotal.fake';

const ENV_OTX_KEY = 'otx-env-secret-0001';
const VT_KEY = 'vt-db-secret-0002';
const SLACK_TOKEN = 'xoxb-slack-secret-0003';
const SLACK_SIGNING = 'slack-signing-secret-0005';
const SECRETS = [ENV_OTX_KEY, VT_KEY, SLACK_TOKEN, SLACK_SIGNING, 'otx-db-secret-0004'];

/** Another process: its own snapshot, read from the shared table without a freshness window. */
class OtherProcessIntegrations extends IntegrationsService {
  protected override readonly freshnessMs = 0;
}

describe('Integrations (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  const logLines: string[] = [];
  const bearer = { type: 'bearer' } as const;

  const list = async (): Promise<Record<string, IntegrationDto>> => {
    const response = await t
      .http()
      .get('/integrations')
      .auth(users.ADMIN.token, bearer)
      .expect(200);
    return Object.fromEntries((response.body as IntegrationDto[]).map((i) => [i.name, i]));
  };
  const put = (name: string, body: { enabled: boolean; settings?: Record<string, unknown> }) =>
    putIntegration(t, users.ADMIN.token, name, body);
  const service = () => t.app.get(IntegrationsService);
  const expectNoSecrets = (text: string) => SECRETS.forEach((s) => expect(text).not.toContain(s));

  beforeAll(async () => {
    jest.spyOn(logDestination(), 'write').mockImplementation((chunk: unknown) => {
      logLines.push(String(chunk));
      return true;
    });
    t = await startTestApp({ OTX_API_KEY: ENV_OTX_KEY, LOG_LEVEL: 'trace' });
    users = await createRoleUsers(t);
  });
  afterAll(async () => {
    await t.close();
    jest.restoreAllMocks();
  });

  it('lists every provider and responder with effective settings and where they come from', async () => {
    const response = await t
      .http()
      .get('/integrations')
      .auth(users.ADMIN.token, bearer)
      .expect(200);
    const names = (response.body as IntegrationDto[]).map((i) => i.name);
    expect(names).toEqual([
      ...['virustotal', 'abuseipdb', 'otx', 'rdap', 'feeds', 'mock'],
      ...['slack', 'teams', 'email', 'jira', 'firewall', 'edr', 'ldap', 'iptables'],
    ]);
    const all = await list();
    expect(all.otx).toMatchObject({
      kind: 'provider',
      enabled: true,
      source: 'environment',
      secrets: { apiKey: 'set' },
      sources: { enabled: 'environment', apiKey: 'environment', baseUrl: 'default' },
      settings: { baseUrl: 'https://otx.alienvault.com', cacheTtlSeconds: 86_400 },
      updatedAt: null,
    });
    expect(all.virustotal).toMatchObject({
      enabled: false,
      source: 'default',
      secrets: { apiKey: 'unset' },
    });
    expect(all.mock).toMatchObject({ enabled: false, sources: { enabled: 'auto' } });
    expect(all.slack).toMatchObject({
      kind: 'responder',
      enabled: false,
      settings: {},
      secrets: { botToken: 'unset', signingSecret: 'unset' },
    });
    expect(all.iptables.secrets).toEqual({});
    expectNoSecrets(JSON.stringify(response.body));
  });

  it('stores a secret sealed, answers only that it is set, and audits without it', async () => {
    const updated = await put('virustotal', {
      enabled: true,
      settings: { apiKey: VT_KEY, baseUrl: 'http://127.0.0.1:9', timeoutMs: 800 },
    });
    expect(updated).toMatchObject({
      name: 'virustotal',
      enabled: true,
      source: 'database',
      secrets: { apiKey: 'set' },
      settings: { baseUrl: 'http://127.0.0.1:9', timeoutMs: 800, maliciousThreshold: 3 },
      sources: { apiKey: 'database', timeoutMs: 'database', maliciousThreshold: 'default' },
      updatedById: users.ADMIN.id,
    });
    expect(updated.settings).not.toHaveProperty('apiKey');
    expectNoSecrets(JSON.stringify(updated));

    const [row] = await runSql<{ settings: unknown; secrets_sealed: string }>(
      t.databaseUrl,
      "SELECT settings, secrets_sealed FROM integration_settings WHERE name = 'virustotal'",
    );
    expect(row.secrets_sealed).toMatch(/^v1\./);
    expectNoSecrets(JSON.stringify(row));
    expect(JSON.parse(t.app.get(SecretBox).open(row.secrets_sealed))).toEqual({ apiKey: VT_KEY });

    const audit = await t
      .http()
      .get('/audit?action=integration.updated&entityId=virustotal')
      .auth(users.ADMIN.token, bearer)
      .expect(200);
    expect(audit.body.items[0]).toMatchObject({
      actorId: users.ADMIN.id,
      entityType: 'integration',
      data: {
        before: null,
        after: { enabled: true, settings: { timeoutMs: 800 }, secrets: ['apiKey'] },
        secrets: { set: ['apiKey'], cleared: [] },
      },
    });
    expectNoSecrets(JSON.stringify(audit.body));
    expect(await service().get('virustotal')).toMatchObject({
      enabled: true,
      secrets: { apiKey: VT_KEY },
    });
  });

  it('keeps an omitted secret, and a null one falls back to the environment', async () => {
    const kept = await put('virustotal', { enabled: true, settings: { timeoutMs: 900 } });
    expect(kept).toMatchObject({ secrets: { apiKey: 'set' }, settings: { timeoutMs: 900 } });
    expect(kept.settings.baseUrl).toBe('https://www.virustotal.com');
    expect((await service().get('virustotal')).secrets.apiKey).toBe(VT_KEY);

    const toggled = await put('virustotal', { enabled: false });
    expect(toggled).toMatchObject({ enabled: false, settings: { timeoutMs: 900 } });

    await put('otx', { enabled: true, settings: { apiKey: 'otx-db-secret-0004' } });
    expect((await service().get('otx')).secrets.apiKey).toBe('otx-db-secret-0004');
    const cleared = await put('otx', { enabled: true, settings: { apiKey: null } });
    expect(cleared).toMatchObject({
      secrets: { apiKey: 'set' },
      sources: { apiKey: 'environment' },
    });
    expect((await service().get('otx')).secrets.apiKey).toBe(ENV_OTX_KEY);
  });

  it("takes a responder's settings and declared secrets, refusing unknown settings", async () => {
    const slack = await put('slack', {
      enabled: true,
      settings: {
        defaultChannel: '#soc',
        timeoutMs: 5000,
        botToken: SLACK_TOKEN,
        signingSecret: SLACK_SIGNING,
      },
    });
    expect(slack).toMatchObject({
      settings: { defaultChannel: '#soc', timeoutMs: 5000 },
      secrets: { botToken: 'set', signingSecret: 'set' },
    });
    expect(await service().get('slack')).toEqual({
      enabled: true,
      settings: expect.objectContaining({ defaultChannel: '#soc', timeoutMs: 5000 }),
      secrets: { botToken: SLACK_TOKEN, signingSecret: SLACK_SIGNING },
    });
    const refused = await t
      .http()
      .put('/integrations/slack')
      .auth(users.ADMIN.token, bearer)
      .send({ enabled: true, settings: { threads: true } })
      .expect(400);
    expect(refused.body.message).toMatch(/settings\.threads is not a setting/);
    expect(await put('iptables', { enabled: true, settings: { chain: 'INPUT' } })).toMatchObject({
      settings: { chain: 'INPUT' },
      secrets: {},
    });
  });

  it.each([
    ['virustotal', { enabled: true, settings: { timeoutMs: 'fast' } }, /settings\.timeoutMs/],
    [
      'virustotal',
      { enabled: true, settings: { colour: 'red' } },
      /settings\.colour is not a setting/,
    ],
    ['abuseipdb', { enabled: true, settings: {} }, /settings\.apiKey is required/],
    ['otx', { enabled: true, settings: { baseUrl: 'ftp://x' } }, /settings\.baseUrl/],
    [
      'feeds',
      { enabled: true, settings: { feeds: [{ name: 'x' }] } },
      /settings\.feeds\[0\]\.location/,
    ],
    [
      'rdap',
      { enabled: true, settings: { resilience: { retry: 3 } } },
      /settings\.resilience\.retry/,
    ],
    ['slack', { enabled: true, settings: { channel: { id: 1 } } }, /settings\.channel/],
    ['slack', { enabled: true, settings: { botToken: 42 } }, /settings\.botToken/],
    ['teams', { settings: {} }, /enabled must be a boolean/],
    ['teams', { enabled: 'yes' }, /enabled must be a boolean/],
    ['teams', { enabled: true, settings: [1] }, /settings must be an object/],
    ['teams', { enabled: true, owner: 'me' }, /property owner should not exist/],
  ])('refuses bad settings for %s with 400 naming the field (%j)', async (name, body, message) => {
    await sealAudit(t);
    const before = await t.prisma.auditLog.count();
    const response = await t
      .http()
      .put(`/integrations/${name}`)
      .auth(users.ADMIN.token, bearer)
      .send(body)
      .expect(400);
    expect(JSON.stringify(response.body.message)).toMatch(message);
    await sealAudit(t);
    expect(await t.prisma.auditLog.count()).toBe(before);
  });

  it('tests a provider connectivity with a harmless lookup, ADMIN only', async () => {
    const test = (name: string, token = users.ADMIN.token) =>
      t.http().post(`/integrations/${name}/test`).auth(token, bearer);
    const vt = await new VirusTotalFake().start();
    try {
      const settings = { baseUrl: vt.url, apiKey: vt.apiKey };
      await put('virustotal', { enabled: false, settings });
      const reached = await test('virustotal').expect(200);
      expect(reached.body).toEqual({ ok: true, detail: 'Looked up 8.8.8.8: unknown' });
      await put('virustotal', { enabled: false, settings: { ...settings, apiKey: 'wrong' } });
      const refused = await test('virustotal').expect(200);
      expect(refused.body).toMatchObject({
        ok: false,
        detail: expect.stringMatching(/8\.8\.8\.8/),
      });
    } finally {
      await vt.stop();
    }
    const unkeyed = await test('abuseipdb').expect(200);
    expect(unkeyed.body).toMatchObject({ ok: false, detail: expect.stringMatching(/apiKey/) });
    expect((await test('mock').expect(200)).body.ok).toBe(true);
    // Slack's test is a real auth.test call; without a token it says so instead of calling.
    expect((await test('slack').expect(200)).body).toMatchObject({ ok: false });
    await test('splunk').expect(404);
    await test('mock', users.ANALYST.token).expect(403);
  });

  it('answers 404 for an unknown integration', async () => {
    const response = await t
      .http()
      .put('/integrations/splunk')
      .auth(users.ADMIN.token, bearer)
      .send({ enabled: true })
      .expect(404);
    expect(response.body.message).toMatch(/No integration named "splunk"/);
  });

  it('makes a change visible to other processes and signals it, without a restart', async () => {
    const other = new OtherProcessIntegrations(
      t.app.get(IntegrationsRepository),
      t.app.get(SecretBox),
      t.app.get(AuditService),
      t.config,
      t.app.get(IntegrationRegistry),
    );
    expect((await other.get('teams')).enabled).toBe(false);
    const seenHere: string[][] = [];
    const seenThere: string[][] = [];
    const unsubscribe = service().onChange((names) => seenHere.push(names));
    other.onChange((names) => seenThere.push(names));

    await put('teams', { enabled: true, settings: { webhookUrl: 'https://teams.example/hook' } });
    expect(await other.get('teams')).toEqual({
      enabled: true,
      settings: { timeoutMs: 10_000 },
      secrets: { webhookUrl: 'https://teams.example/hook' },
    });
    expect(seenHere).toEqual([['teams']]);
    expect(seenThere).toEqual([['teams']]);
    unsubscribe();
  });

  it('never writes a secret to the logs', () => {
    const logs = logLines.join('');
    expect(logs).toContain('/integrations/virustotal');
    expectNoSecrets(logs);
  });
});
