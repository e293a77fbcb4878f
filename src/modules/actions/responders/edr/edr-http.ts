import type { EdrSettings } from './edr.responder';
import { ResponderError } from '../responder.errors';
import { sendHttp, statusError, type HttpAnswer, type HttpCall } from '../responder-http';

/** The EDR presets' one way out: every request goes through here. */
export function edrSend(
  settings: EdrSettings,
  call: HttpCall,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  return sendHttp('edr', call, { timeoutMs: settings.timeoutMs, signal });
}

/** Sends and insists on one of `ok` statuses (default 200); returns the parsed body. */
export async function edrExpect(
  settings: EdrSettings,
  call: HttpCall,
  signal?: AbortSignal,
  ok: readonly number[] = [200],
): Promise<unknown> {
  const answer = await edrSend(settings, call, signal);
  if (!ok.includes(answer.status)) throw statusError('edr', call.label, answer.status);
  return answer.body;
}

/**
 * An OAuth2 client-credentials token (RFC 6749 4.4): client id and secret posted as a form.
 * Fetched per action: actions are rare, and a cached token would outlive a rotated secret.
 */
export async function clientCredentialsToken(
  settings: EdrSettings,
  tokenUrl: string,
  extra: Record<string, string>,
  signal?: AbortSignal,
): Promise<string> {
  const form = new URLSearchParams({
    client_id: settings.clientId,
    client_secret: settings.clientSecret,
    ...extra,
  });
  const call: HttpCall = {
    method: 'POST',
    url: tokenUrl,
    headers: {},
    body: form,
    label: 'OAuth2 token',
    retrySafe: true,
  };
  const body = await edrExpect(settings, call, signal, [200, 201]);
  const token = (body as { access_token?: unknown } | undefined)?.access_token;
  if (typeof token !== 'string' || token === '') {
    throw new ResponderError('edr', 'OAuth2 token: the answer carries no access_token', true);
  }
  return token;
}

/** The lookup must name exactly one device; otherwise the action fails with the count. */
export function exactlyOne<T>(devices: readonly T[], hostname: string, where: string): T {
  if (devices.length !== 1) {
    const found = devices.length === 0 ? 'no device' : `${devices.length} devices`;
    throw new ResponderError(
      'edr',
      `${found} named "${hostname}" in ${where}; exactly one is required`,
      false,
    );
  }
  return devices[0];
}
