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

/** The Defender for Endpoint API's application permission scope. */
export const DEFENDER_SCOPE = 'https://api.securitycenter.microsoft.com/.default';
/** Machine action states that still count (a failed or cancelled isolation does not). */
const LIVE_STATES = new Set(['Pending', 'InProgress', 'Succeeded']);

interface MachineAction {
  type?: string;
  status?: string;
  creationDateTimeUtc?: string;
}

/** An OData string literal: quotes doubled. */
const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Microsoft Defender for Endpoint: a client-credentials token from `tokenUrl` (Entra ID), the
 * machine found by computerDnsName, its latest live Isolate/Unisolate machine action read
 * (Isolate -> alreadyDone), then POST /api/machines/{id}/isolate {Comment, IsolationType: Full}.
 */
export class DefenderResponder implements Responder {
  readonly name = 'edr';
  readonly actionTypes = [ActionType.ISOLATE_HOST];

  constructor(private readonly settings: EdrSettings) {}

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const { signal } = request;
    const auth = await this.auth(signal);
    const hostname = request.target;
    const filter = encodeURIComponent(`computerDnsName eq ${odataString(hostname)}`);
    const machines = await edrExpect(
      this.settings,
      this.call('GET', `/api/machines?$filter=${filter}`, auth, 'machine lookup'),
      signal,
    );
    const machine = exactlyOne(valueOf(machines), hostname, 'Defender for Endpoint') as {
      id?: unknown;
    };
    const machineId = String(machine.id);
    const actionsFilter = encodeURIComponent(`machineId eq ${odataString(machineId)}`);
    const actions = await edrExpect(
      this.settings,
      this.call('GET', `/api/machineactions?$filter=${actionsFilter}`, auth, 'machine actions'),
      signal,
    );
    const latest = latestIsolation(valueOf(actions) as MachineAction[]);
    const output = {
      preset: 'defender',
      hostname,
      machineId,
      isolationBefore: latest ? `${latest.type} ${latest.status}` : 'none',
    };
    if (latest?.type === 'Isolate') return { output, effects: [], alreadyDone: true };
    const isolate = this.call(
      'POST',
      `/api/machines/${encodeURIComponent(machineId)}/isolate`,
      auth,
      'isolate',
      {
        Comment: `Mini-SOAR action ${request.actionId}${request.context.reason ? `: ${request.context.reason}` : ''}`,
        IsolationType: 'Full',
      },
    );
    const effects = [httpEffect(isolate, { headers: ['Authorization'] })];
    if (request.mode !== ResponderMode.Live) return { output, effects };
    const created = await edrExpect(this.settings, isolate, signal, [200, 201]);
    const { id, status } = (created ?? {}) as { id?: unknown; status?: unknown };
    return { output: { ...output, machineActionId: String(id), status: String(status) }, effects };
  }

  async testConnection(): Promise<{ ok: boolean; detail: string }> {
    const auth = await this.auth();
    await edrExpect(this.settings, this.call('GET', '/api/machines?$top=1', auth, 'machine list'));
    return { ok: true, detail: 'Defender token issued and the machines API answered' };
  }

  private auth(signal?: AbortSignal): Promise<string> {
    const extra = { grant_type: 'client_credentials', scope: DEFENDER_SCOPE };
    return clientCredentialsToken(this.settings, this.settings.tokenUrl, extra, signal);
  }

  private call(
    method: HttpCall['method'],
    path: string,
    token: string,
    label: string,
    body?: unknown,
  ): HttpCall {
    const url = `${this.settings.baseUrl.replace(/\/+$/, '')}${path}`;
    return {
      method,
      url,
      headers: { Authorization: `Bearer ${token}` },
      body,
      label: `Defender ${label}`,
    };
  }
}

function valueOf(body: unknown): unknown[] {
  const value = (body as { value?: unknown } | undefined)?.value;
  return Array.isArray(value) ? value : [];
}

/** The newest Isolate or Unisolate action that did not fail or get cancelled. */
function latestIsolation(actions: MachineAction[]): MachineAction | undefined {
  return actions
    .filter(
      (a) => (a.type === 'Isolate' || a.type === 'Unisolate') && LIVE_STATES.has(a.status ?? ''),
    )
    .sort((a, b) => (b.creationDateTimeUtc ?? '').localeCompare(a.creationDateTimeUtc ?? ''))[0];
}

export const DEFENDER_PRESET: EdrPresetImplementation = {
  validate: (settings) => {
    requireSettings(settings, ['baseUrl', 'tokenUrl', 'clientId', 'clientSecret']);
    checkHttpUrl('baseUrl', settings.baseUrl);
    checkHttpUrl('tokenUrl', settings.tokenUrl);
  },
  create: (settings) => new DefenderResponder(settings),
};
