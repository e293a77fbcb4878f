import type { IntegrationDto } from '../../src/modules/integrations/dto/integration.dto';
import type { TestApp } from '../helpers/test-app';

/**
 * Fast failure settings for tests: no retries, no local rate limit. The fakes answer at once, so
 * the timeout is generous: it must never decide an outcome on a loaded machine.
 */
export const FAST_PROVIDER = {
  timeoutMs: 10_000,
  resilience: { rateLimit: null, retry: { maxRetries: 0 } },
};

export async function putIntegration(
  t: TestApp,
  adminToken: string,
  name: string,
  body: { enabled: boolean; settings?: Record<string, unknown> },
): Promise<IntegrationDto> {
  const response = await t
    .http()
    .put(`/integrations/${name}`)
    .auth(adminToken, { type: 'bearer' })
    .send(body)
    .expect(200);
  return response.body as IntegrationDto;
}

/** POST /integrations/:name/test as an ADMIN: the connectivity result. */
export async function testIntegration(
  t: TestApp,
  adminToken: string,
  name: string,
): Promise<{ ok: boolean; detail: string }> {
  const response = await t
    .http()
    .post(`/integrations/${name}/test`)
    .auth(adminToken, { type: 'bearer' })
    .expect(200);
  return response.body as { ok: boolean; detail: string };
}

/** GET /integrations (as an ADMIN) shows none of these secrets anywhere. */
export async function expectSecretsHidden(
  t: TestApp,
  adminToken: string,
  secrets: string[],
): Promise<void> {
  const response = await t
    .http()
    .get('/integrations')
    .auth(adminToken, { type: 'bearer' })
    .expect(200);
  const text = JSON.stringify(response.body);
  for (const secret of secrets) expect(text).not.toContain(secret);
}

/** Points a keyed vendor's real client at a fake vendor server. */
export function useFakeVendor(
  t: TestApp,
  adminToken: string,
  name: 'virustotal' | 'abuseipdb' | 'otx',
  fake: { url: string; apiKey: string },
  settings: Record<string, unknown> = FAST_PROVIDER,
): Promise<IntegrationDto> {
  return putIntegration(t, adminToken, name, {
    enabled: true,
    settings: { apiKey: fake.apiKey, baseUrl: fake.url, ...settings },
  });
}
