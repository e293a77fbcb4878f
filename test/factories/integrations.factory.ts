import type { IntegrationDto } from '../../src/modules/integrations/dto/integration.dto';
import type { TestApp } from '../helpers/test-app';

/** Fast failure settings for tests: short timeout, no retries, no local rate limit. */
export const FAST_PROVIDER = {
  timeoutMs: 500,
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
