import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ACCESS_POLICY, type AccessPolicy } from '../../common/decorators/access.decorator';
import type { AppRequest } from '../../common/http/app-request';
import type { AppConfig } from '../../config/app-config';
import { AccessGuard } from './access.guard';
import type { ApiKeysService, IngestKey } from './api-keys.service';
import { computeSignature } from './ingest-signature/ingest-signature';
import type { IngestSignatureRepository } from './ingest-signature/ingest-signature.repository';
import { IngestSignatureService } from './ingest-signature/ingest-signature.service';

const NOW_MS = 1_700_000_000_000;
const METRICS_TOKEN = 'scrape-token-0123456789';

function contextFor(
  policy: AccessPolicy | undefined,
  request: Partial<AppRequest>,
): ExecutionContext {
  const handler = () => undefined;
  if (policy) Reflect.defineMetadata(ACCESS_POLICY, policy, handler);
  return {
    getHandler: () => handler,
    getClass: () => class {},
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}) }),
  } as unknown as ExecutionContext;
}

function guardWith(keys: Record<string, IngestKey>): AccessGuard {
  const apiKeys = {
    authenticate: (key: string) => Promise.resolve(keys[key] ?? null),
  } as unknown as ApiKeysService;
  const seen = new Set<string>();
  const repository = {
    claim: (apiKeyId: string, signature: string) =>
      Promise.resolve(
        !seen.has(`${apiKeyId}:${signature}`) && !!seen.add(`${apiKeyId}:${signature}`),
      ),
    pruneExpired: () => Promise.resolve(),
  } as unknown as IngestSignatureRepository;
  const signatures = new IngestSignatureService(repository, { now: () => NOW_MS });
  const config = { metricsToken: METRICS_TOKEN } as AppConfig;
  return new AccessGuard(new Reflector(), apiKeys, signatures, config);
}

const KEY: IngestKey = { apiKeyId: 'k1', source: 'wazuh', signingSecret: null };
const SIGNED: IngestKey = { apiKeyId: 'k2', source: 'splunk', signingSecret: 'whsec_test' };

describe(AccessGuard.name, () => {
  it('refuses a route that declares no access policy', async () => {
    await expect(guardWith({}).canActivate(contextFor(undefined, { headers: {} }))).rejects.toThrow(
      ForbiddenException,
    );
  });

  it('lets anyone through a public route', async () => {
    await expect(
      guardWith({}).canActivate(contextFor({ kind: 'public' }, { headers: {} })),
    ).resolves.toBe(true);
  });

  it('accepts an ingest key from X-API-Key or a Bearer msk_ token', async () => {
    const guard = guardWith({ msk_good: KEY });
    const viaHeader = { headers: { 'x-api-key': 'msk_good' } } as Partial<AppRequest>;
    await expect(guard.canActivate(contextFor({ kind: 'ingest' }, viaHeader))).resolves.toBe(true);
    expect(viaHeader.ingest).toEqual({ apiKeyId: 'k1', source: 'wazuh' });
    const viaBearer = { headers: { authorization: 'Bearer msk_good' } } as Partial<AppRequest>;
    await expect(guard.canActivate(contextFor({ kind: 'ingest' }, viaBearer))).resolves.toBe(true);
  });

  it('answers an unknown or revoked key with 401', async () => {
    const request = { headers: { 'x-api-key': 'msk_revoked' } } as Partial<AppRequest>;
    await expect(
      guardWith({}).canActivate(contextFor({ kind: 'ingest' }, request)),
    ).rejects.toThrow(UnauthorizedException);
  });

  it('requires a fresh, valid, unused signature for a signed key', async () => {
    const rawBody = Buffer.from('{"a":1}');
    const timestamp = String(NOW_MS / 1000);
    const signature = computeSignature('whsec_test', timestamp, rawBody);
    const guard = guardWith({ msk_signed: SIGNED });
    const request = (headers: Record<string, string>) =>
      ({ headers: { 'x-api-key': 'msk_signed', ...headers }, rawBody }) as Partial<AppRequest>;
    const good = { 'x-signature-timestamp': timestamp, 'x-signature': `sha256=${signature}` };
    await expect(guard.canActivate(contextFor({ kind: 'ingest' }, request(good)))).resolves.toBe(
      true,
    );
    await expect(
      guard.canActivate(contextFor({ kind: 'ingest' }, request(good))),
    ).rejects.toMatchObject({ code: 'INGEST_SIGNATURE_REPLAYED' });
    for (const headers of [{}, { 'x-signature': `sha256=${signature}` }] as Record<
      string,
      string
    >[]) {
      await expect(
        guard.canActivate(contextFor({ kind: 'ingest' }, request(headers))),
      ).rejects.toMatchObject({ code: 'INGEST_SIGNATURE_MISSING' });
    }
  });

  it('keeps the error a token check raised (deactivated user, database down)', () => {
    const raised = new Error('connect ECONNREFUSED');
    expect(() => guardWith({}).handleRequest(raised, false, undefined)).toThrow(raised);
  });

  it('turns a missing or expired JWT into 401 with a clear message', () => {
    const guard = guardWith({});
    expect(() => guard.handleRequest(null, false, undefined)).toThrow(
      'A valid bearer token is required',
    );
    expect(() => guard.handleRequest(null, false, { name: 'TokenExpiredError' })).toThrow(
      'The token has expired',
    );
  });

  describe('scrape routes', () => {
    const bearer = (token: string) => ({ headers: { authorization: `Bearer ${token}` } });
    it('accepts METRICS_TOKEN without a JWT', async () => {
      const guard = guardWith({});
      await expect(
        guard.canActivate(contextFor({ kind: 'scrape' }, bearer(METRICS_TOKEN))),
      ).resolves.toBe(true);
    });

    // Anything else falls through to the JWT check (no strategy here: it throws; e2e sees 401).
    it('does not take METRICS_TOKEN on other routes, nor a wrong token on the scrape route', async () => {
      const guard = guardWith({});
      await expect(
        guard.canActivate(contextFor({ kind: 'roles', roles: ['AUDITOR'] }, bearer(METRICS_TOKEN))),
      ).rejects.toThrow(/jwt/);
      await expect(
        guard.canActivate(contextFor({ kind: 'scrape' }, bearer(`${METRICS_TOKEN}x`))),
      ).rejects.toThrow(/jwt/);
    });
  });
});
