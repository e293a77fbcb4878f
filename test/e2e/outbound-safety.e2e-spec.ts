import { expectAuditChainValid } from '../helpers/audit';
import { putIntegration, testIntegration } from '../factories/integrations.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { VirusTotalFake } from '../fakes/virustotal.fake';
import { startTestApp, type TestApp } from '../helpers/test-app';

/** The app as deployed: no OUTBOUND_ALLOW_CIDRS, so the loopback fake is out of reach. */
describe('Outbound safety: the SSRF guard without an allow list (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let vt: VirusTotalFake;

  const connectivity = async (baseUrl: string) => {
    await putIntegration(t, users.ADMIN.token, 'virustotal', {
      enabled: false,
      settings: { baseUrl, apiKey: vt.apiKey },
    });
    return testIntegration(t, users.ADMIN.token, 'virustotal');
  };

  beforeAll(async () => {
    t = await startTestApp({ OUTBOUND_ALLOW_CIDRS: '' });
    users = await createRoleUsers(t);
    vt = await new VirusTotalFake().start();
  });
  afterAll(async () => {
    await vt.stop();
    await t.close();
  });

  it.each([
    ['the literal address', (port: string) => `http://127.0.0.1:${port}`],
    ['its decimal spelling', (port: string) => `http://2130706433:${port}`],
    ['its hex spelling', (port: string) => `http://0x7f.1:${port}`],
    ['a name that resolves to it', (port: string) => `http://localhost:${port}`],
  ])('refuses a provider pointed at loopback through %s, naming the reason', async (_how, url) => {
    const port = new URL(vt.url).port;
    const result = await connectivity(url(port));
    expect(result.ok).toBe(false);
    expect(result.detail).toMatch(/refused: a loopback address, not in OUTBOUND_ALLOW_CIDRS/);
    expect(result.detail).not.toContain(vt.apiKey);
    expect(vt.totalRequests).toBe(0);
  });

  it('refuses the cloud metadata address', async () => {
    const result = await connectivity('http://169.254.169.254/latest');
    expect(result).toMatchObject({ ok: false, detail: expect.stringMatching(/cloud metadata/) });
  });

  it('keeps the audit chain valid', async () => {
    await expectAuditChainValid(t, users.ADMIN.token);
  });
});
