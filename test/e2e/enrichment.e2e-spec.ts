import { EnrichmentCache } from '../../src/modules/enrichment/enrichment-cache';
import { EnrichmentRepository } from '../../src/modules/enrichment/enrichment.repository';
import { EnrichmentService } from '../../src/modules/enrichment/enrichment.service';
import type { EnrichmentOutcome } from '../../src/modules/enrichment/enrichment.types';
import { ProviderPool } from '../../src/modules/enrichment/provider-pool';
import { IntegrationsService } from '../../src/modules/integrations/integrations.service';
import { newAlertWithObservables, type ObservableSpec } from '../factories/enrichment.factory';
import { FAST_PROVIDER, putIntegration, useFakeVendor } from '../factories/integrations.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { AbuseIpdbFake } from '../fakes/abuseipdb.fake';
import { VirusTotalFake } from '../fakes/virustotal.fake';
import { startTestApp, type TestApp } from '../helpers/test-app';

const vtIp = (ip: string) => `ip_addresses/${ip}`;
const HANG_PROVIDER = { ...FAST_PROVIDER, timeoutMs: 1_000 };

describe('Enrichment through the real provider clients (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let vt: VirusTotalFake;
  let abuse: AbuseIpdbFake;

  /** Stores an alert with these observables and enriches it, as the pipeline does. */
  const enrich = async (
    specs: ObservableSpec[],
    service = t.app.get(EnrichmentService),
  ): Promise<EnrichmentOutcome & { alertId: string }> => {
    const { alertId, observables } = await newAlertWithObservables(t, specs);
    return { alertId, ...(await service.enrichAlert(alertId, observables)) };
  };
  const ip = (value: string, flags: Partial<ObservableSpec> = {}): ObservableSpec => ({
    type: 'ipv4',
    value,
    ...flags,
  });
  const storedResults = (provider: string) =>
    t.prisma.enrichmentResult.count({ where: { provider } });

  beforeAll(async () => {
    vt = await new VirusTotalFake().start();
    abuse = await new AbuseIpdbFake().start();
    t = await startTestApp();
    users = await createRoleUsers(t);
  });
  afterAll(async () => {
    await t.close();
    await Promise.all([vt.stop(), abuse.stop()]);
  });

  describe('with no real provider enabled', () => {
    it('answers with mock verdicts that say they are mock', async () => {
      const outcome = await enrich([
        ip('203.0.113.200'),
        { type: 'domain', value: 'paypa1-secure-billing.com' },
      ]);
      expect(outcome.partial).toBe(false);
      expect(outcome.results).toHaveLength(2);
      expect(outcome.results.every((r) => r.provider === 'mock' && r.mock)).toBe(true);
      expect(outcome.results.map((r) => r.verdict).sort()).toEqual(['malicious', 'unknown']);
      expect(outcome.results.find((r) => r.verdict === 'malicious')?.summary).toContain(
        'demo threat list',
      );
      expect(await t.prisma.enrichmentResult.count({ where: { mock: true } })).toBe(2);
    });
  });

  describe('with VirusTotal and AbuseIPDB configured through PUT /integrations', () => {
    beforeAll(async () => {
      vt.setObject(vtIp('203.0.113.10'), { malicious: 12, harmless: 50 });
      abuse.setRecord('203.0.113.10', { abuseConfidenceScore: 90, totalReports: 30 });
      await useFakeVendor(t, users.ADMIN.token, 'virustotal', vt);
      await useFakeVendor(t, users.ADMIN.token, 'abuseipdb', abuse);
    });

    it('queries the real clients from then on, without a restart, and drops mock', async () => {
      const outcome = await enrich([ip('203.0.113.10')]);
      expect(outcome).toMatchObject({ partial: false, failures: [] });
      expect(outcome.results.map((r) => [r.provider, r.verdict, r.mock]).sort()).toEqual([
        ['abuseipdb', 'malicious', false],
        ['virustotal', 'malicious', false],
      ]);
      expect(vt.requestsFor(vtIp('203.0.113.10'))).toBe(1);
      expect(abuse.requestsFor('203.0.113.10')).toBe(1);
    });

    it('answers a repeated indicator from memory, then from PostgreSQL, never asking twice', async () => {
      vt.setObject(vtIp('203.0.113.11'), { harmless: 70 });
      const first = await enrich([ip('203.0.113.11')]);
      const second = await enrich([ip('203.0.113.11')]);
      expect(second.results.find((r) => r.provider === 'virustotal')).toMatchObject({
        verdict: 'harmless',
        queriedAt: first.results.find((r) => r.provider === 'virustotal')?.queriedAt,
      });

      t.app.get(EnrichmentCache).clearMemory();
      await enrich([ip('203.0.113.11')]);
      const otherWorker = new EnrichmentService(
        new ProviderPool(t.app.get(IntegrationsService)),
        new EnrichmentCache(t.app.get(EnrichmentRepository)),
        t.app.get(EnrichmentRepository),
      );
      const fromTable = await enrich([ip('203.0.113.11')], otherWorker);
      expect(fromTable.results).toHaveLength(2);
      expect(vt.requestsFor(vtIp('203.0.113.11'))).toBe(1);
      expect(abuse.requestsFor('203.0.113.11')).toBe(1);
      expect(await t.prisma.enrichmentCache.count({ where: { value: '203.0.113.11' } })).toBe(2);
    });

    it('is idempotent: enriching the same alert again rewrites its rows', async () => {
      const { alertId, observables } = await newAlertWithObservables(t, [ip('203.0.113.12')]);
      const service = t.app.get(EnrichmentService);
      await service.enrichAlert(alertId, observables);
      const before = await storedResults('virustotal');
      await service.enrichAlert(alertId, observables);
      expect(await storedResults('virustotal')).toBe(before);
      expect(
        await t.prisma.enrichmentResult.count({ where: { observableId: observables[0].id } }),
      ).toBe(2);
    });

    it('never sends internal or allow-listed observables to any provider', async () => {
      const vtBefore = vt.totalRequests;
      const abuseBefore = abuse.totalRequests;
      const outcome = await enrich([
        ip('10.1.2.3', { internal: true }),
        ip('198.51.100.99', { allowlisted: true }),
        { type: 'domain', value: 'intranet.example.com', internal: true },
      ]);
      expect(outcome).toEqual({
        alertId: outcome.alertId,
        results: [],
        partial: false,
        failures: [],
      });
      expect(vt.totalRequests).toBe(vtBefore);
      expect(abuse.totalRequests).toBe(abuseBefore);
    });

    it.each([
      ['500', 'server_error', 'unavailable', '203.0.113.21'],
      ['a timeout', 'hang', 'timeout', '203.0.113.22'],
      ['401', 'auth', 'auth', '203.0.113.23'],
    ] as const)(
      'reports VirusTotal answering %s as partial without throwing, and asks again next time',
      async (_label, scenario, kind, address) => {
        vt.setObject(vtIp(address), { malicious: 5, harmless: 10 });
        vt.answer(vtIp(address), scenario, 'ok');
        // A short timeout only for the request that never gets an answer: it cannot fire early.
        const hangs = scenario === 'hang';
        if (hangs) await useFakeVendor(t, users.ADMIN.token, 'virustotal', vt, HANG_PROVIDER);
        const failed = await enrich([ip(address)]);
        if (hangs) await useFakeVendor(t, users.ADMIN.token, 'virustotal', vt);
        expect(failed.partial).toBe(true);
        expect(failed.failures).toEqual([
          { observableId: expect.any(String), provider: 'virustotal', kind },
        ]);
        expect(failed.results.map((r) => r.provider)).toEqual(['abuseipdb']);

        const retried = await enrich([ip(address)]);
        expect(retried).toMatchObject({ partial: false, failures: [] });
        expect(retried.results.map((r) => r.provider).sort()).toEqual(['abuseipdb', 'virustotal']);
        expect(vt.requestsFor(vtIp(address))).toBe(2);
      },
    );

    it('reports the fifth distinct VirusTotal lookup of a burst as rate limited, not a stall', async () => {
      await useFakeVendor(t, users.ADMIN.token, 'virustotal', vt, {
        ...FAST_PROVIDER,
        resilience: { retry: { maxRetries: 0 } },
      });
      const addresses = [1, 2, 3, 4, 5].map((n) => `198.51.100.${n}`);
      const vtBefore = vt.totalRequests;
      const outcome = await enrich(addresses.map((address) => ip(address)));
      expect(outcome.partial).toBe(true);
      expect(outcome.failures).toEqual([
        { observableId: expect.any(String), provider: 'virustotal', kind: 'rate_limited' },
      ]);
      expect(outcome.results.filter((r) => r.provider === 'virustotal')).toHaveLength(4);
      expect(outcome.results.filter((r) => r.provider === 'abuseipdb')).toHaveLength(5);
      expect(vt.totalRequests - vtBefore).toBe(4);
    });

    it('goes back to mock verdicts once every real provider is disabled', async () => {
      await putIntegration(t, users.ADMIN.token, 'virustotal', { enabled: false });
      await putIntegration(t, users.ADMIN.token, 'abuseipdb', {
        enabled: false,
        settings: FAST_PROVIDER,
      });
      const vtBefore = vt.totalRequests;
      const outcome = await enrich([ip('203.0.113.10')]);
      expect(outcome.results).toEqual([expect.objectContaining({ provider: 'mock', mock: true })]);
      expect(vt.totalRequests).toBe(vtBefore);
    });
  });
});
