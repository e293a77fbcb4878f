import { ForbiddenException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { createHmac } from 'node:crypto';
import { ACCESS_POLICY, type AccessPolicy } from '../../common/decorators/access.decorator';
import type { AppRequest } from '../../common/http/app-request';
import { AccessGuard } from './access.guard';
import type { ApiKeysService, IngestKey } from './api-keys.service';

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
  return new AccessGuard(new Reflector(), apiKeys);
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

  it('requires a valid HMAC signature for a signed key', async () => {
    const rawBody = Buffer.from('{"a":1}');
    const signature = createHmac('sha256', 'whsec_test').update(rawBody).digest('hex');
    const guard = guardWith({ msk_signed: SIGNED });
    const good = {
      headers: { 'x-api-key': 'msk_signed', 'x-signature': `sha256=${signature}` },
      rawBody,
    } as Partial<AppRequest>;
    await expect(guard.canActivate(contextFor({ kind: 'ingest' }, good))).resolves.toBe(true);
    for (const header of [undefined, 'sha256=00', `sha256=${signature.replace(/.$/, '0')}`]) {
      const bad = {
        headers: { 'x-api-key': 'msk_signed', ...(header ? { 'x-signature': header } : {}) },
        rawBody,
      } as Partial<AppRequest>;
      await expect(guard.canActivate(contextFor({ kind: 'ingest' }, bad))).rejects.toThrow(
        /X-Signature/,
      );
    }
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
});
