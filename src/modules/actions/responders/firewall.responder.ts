import { ActionType } from '../../../generated/prisma/enums';
import { IntegrationSettingsError, type IntegrationConfig } from '../../integrations';
import type {
  FirewallPreset,
  FirewallPresetImplementation,
  FirewallSettings,
} from './firewall-preset';
import { firewallTarget } from './firewall-target';
import { FORTIGATE_PRESET } from './fortigate.firewall';
import { GENERIC_PRESET } from './generic-firewall';
import { PALOALTO_PRESET } from './paloalto.firewall';
import {
  ResponderMode,
  type Responder,
  type ResponderRequest,
  type ResponderResult,
} from './responder';
import { defineResponder } from './responder-definition';
import { httpEffect } from './responder-http';
import { DEFAULT_RESPONDER_TIMEOUT_MS, readSettings } from './responder-settings';

export const FIREWALL_DEFAULTS: FirewallSettings = {
  preset: '',
  baseUrl: '',
  apiKey: '',
  group: '',
  urlTemplate: '',
  bodyTemplate: '',
  method: 'POST',
  vsys: 'vsys1',
  vdom: '',
  timeoutMs: DEFAULT_RESPONDER_TIMEOUT_MS,
};

/** Every preset, one line each. */
const PRESETS: Record<string, FirewallPresetImplementation> = {
  paloalto: PALOALTO_PRESET,
  fortigate: FORTIGATE_PRESET,
  generic: GENERIC_PRESET,
};

function presetOf(settings: FirewallSettings): FirewallPresetImplementation {
  const preset = Object.hasOwn(PRESETS, settings.preset) ? PRESETS[settings.preset] : undefined;
  if (!preset) {
    throw new IntegrationSettingsError(
      'settings.preset',
      `must be one of ${Object.keys(PRESETS).join(', ')}`,
    );
  }
  return preset;
}

export function firewallSettings(config: Pick<IntegrationConfig, 'settings' | 'secrets'>) {
  const settings = readSettings(FIREWALL_DEFAULTS, config);
  presetOf(settings).validate(settings);
  return settings;
}

/**
 * BLOCK_IP / UNBLOCK_IP (the system's undo of a timed block) on a network firewall, an IP or a
 * CIDR range. The preset reads the firewall's state and plans only the writes still needed
 * (none: alreadyDone), so a retried job never acts twice. Dry-run and notify-only make the
 * same reads and return the planned writes (secrets redacted) without sending them.
 */
export class FirewallResponder implements Responder {
  readonly name = 'firewall';
  readonly actionTypes = [ActionType.BLOCK_IP, ActionType.UNBLOCK_IP];

  constructor(private readonly preset: FirewallPreset) {}

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const plan = await this.preset.plan({
      block: request.actionType !== ActionType.UNBLOCK_IP,
      target: firewallTarget(request.target),
      actionId: request.actionId,
      signal: request.signal,
    });
    const effects = plan.calls.map((call) =>
      httpEffect(call, { headers: this.preset.secretHeaders }),
    );
    if (plan.calls.length === 0)
      return { output: { ...plan.output, changed: false }, effects, alreadyDone: true };
    if (request.mode !== ResponderMode.Live) return { output: plan.output, effects };
    for (const call of plan.calls) await this.preset.apply(call, request.signal);
    return { output: { ...plan.output, changed: true }, effects };
  }

  testConnection(): Promise<{ ok: boolean; detail: string }> {
    return this.preset.test();
  }
}

export const FIREWALL_RESPONDER = defineResponder<FirewallSettings>({
  name: 'firewall',
  actionTypes: [ActionType.BLOCK_IP, ActionType.UNBLOCK_IP],
  defaults: FIREWALL_DEFAULTS,
  secretKeys: ['apiKey'],
  settings: firewallSettings,
  build: (settings) => new FirewallResponder(presetOf(settings).create(settings)),
});
