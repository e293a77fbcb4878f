import { ActionType } from '../../../../generated/prisma/enums';
import {
  ResponderMode,
  type Responder,
  type ResponderRequest,
  type ResponderResult,
} from '../responder';
import { httpEffect, type HttpCall } from '../responder-http';
import { checkHttpUrl, requireSettings } from '../responder-settings';
import type { EdrPresetImplementation, EdrSettings } from './edr.responder';
import { clientCredentialsToken, edrExpect, exactlyOne } from './edr-http';

/** Device states in which containment is done or under way. */
const CONTAINED = new Set(['contained', 'containment_pending']);

/** An FQL string literal: backslash and quote escaped. */
const fqlString = (value: string) => `'${value.replace(/[\\']/g, '\\$&')}'`;

/**
 * CrowdStrike Falcon: an OAuth2 client-credentials token, the host found by hostname
 * (devices/queries/devices/v1), its status read (devices/entities/devices/v2; contained or
 * containment_pending -> alreadyDone), then devices-actions/v2?action_name=contain.
 */
export class CrowdStrikeResponder implements Responder {
  readonly name = 'edr';
  readonly actionTypes = [ActionType.ISOLATE_HOST];

  constructor(private readonly settings: EdrSettings) {}

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const { signal } = request;
    const auth = await this.auth(signal);
    const hostname = request.target;
    const query = `/devices/queries/devices/v1?filter=${encodeURIComponent(`hostname:${fqlString(hostname)}`)}`;
    const found = await edrExpect(
      this.settings,
      this.call('GET', query, auth, 'device query'),
      signal,
    );
    const deviceId = exactlyOne(resourcesOf(found), hostname, 'CrowdStrike Falcon');
    const details = await edrExpect(
      this.settings,
      this.call(
        'GET',
        `/devices/entities/devices/v2?ids=${encodeURIComponent(String(deviceId))}`,
        auth,
        'device details',
      ),
      signal,
    );
    const raw = (resourcesOf(details)[0] as { status?: unknown } | undefined)?.status;
    const status = typeof raw === 'string' ? raw : 'unknown';
    const output = {
      preset: 'crowdstrike',
      hostname,
      deviceId: String(deviceId),
      statusBefore: status,
    };
    if (CONTAINED.has(status)) return { output, effects: [], alreadyDone: true };
    const contain = this.call(
      'POST',
      '/devices/entities/devices-actions/v2?action_name=contain',
      auth,
      'contain',
      {
        ids: [String(deviceId)],
      },
    );
    const effects = [httpEffect(contain, { headers: ['Authorization'] })];
    if (request.mode !== ResponderMode.Live) return { output, effects };
    await edrExpect(this.settings, contain, signal, [200, 202]);
    return { output: { ...output, status: 'containment_pending' }, effects };
  }

  async testConnection(): Promise<{ ok: boolean; detail: string }> {
    const auth = await this.auth();
    await edrExpect(
      this.settings,
      this.call('GET', '/devices/queries/devices/v1?limit=1', auth, 'device query'),
    );
    return { ok: true, detail: 'CrowdStrike token issued and the device query answered' };
  }

  private auth(signal?: AbortSignal): Promise<string> {
    return clientCredentialsToken(this.settings, this.url('/oauth2/token'), {}, signal);
  }

  private call(
    method: HttpCall['method'],
    path: string,
    token: string,
    label: string,
    body?: unknown,
  ): HttpCall {
    return {
      method,
      url: this.url(path),
      headers: { Authorization: `Bearer ${token}` },
      body,
      label: `CrowdStrike ${label}`,
    };
  }

  private url(path: string): string {
    return `${this.settings.baseUrl.replace(/\/+$/, '')}${path}`;
  }
}

function resourcesOf(body: unknown): unknown[] {
  const resources = (body as { resources?: unknown } | undefined)?.resources;
  return Array.isArray(resources) ? resources : [];
}

export const CROWDSTRIKE_PRESET: EdrPresetImplementation = {
  validate: (settings) => {
    requireSettings(settings, ['baseUrl', 'clientId', 'clientSecret']);
    checkHttpUrl('baseUrl', settings.baseUrl);
  },
  create: (settings) => new CrowdStrikeResponder(settings),
};
