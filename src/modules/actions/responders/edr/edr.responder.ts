import { ActionType } from '../../../../generated/prisma/enums';
import { IntegrationSettingsError, type IntegrationConfig } from '../../../integrations';
import type { Responder, ResponderDeps } from '../responder';
import { defineResponder } from '../responder-definition';
import { ResponderError } from '../responder.errors';
import { readSettings } from '../responder-settings';
import { CROWDSTRIKE_PRESET } from './crowdstrike.preset';
import { DEFENDER_PRESET } from './defender.preset';
import { EDR_SIMULATOR } from './simulator.preset';

export const EDR_PRESET_NAMES = ['crowdstrike', 'defender', 'simulator'] as const;
export type EdrPreset = (typeof EDR_PRESET_NAMES)[number];

/** One settings schema for every preset; each preset reads what it needs. */
export interface EdrSettings {
  preset: string;
  baseUrl: string;
  clientId: string;
  /** Secret. */
  clientSecret: string;
  /** defender: the Entra ID token endpoint (https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token). */
  tokenUrl: string;
  timeoutMs: number;
}

export const EDR_DEFAULTS: EdrSettings = {
  preset: 'simulator',
  baseUrl: '',
  clientId: '',
  clientSecret: '',
  tokenUrl: '',
  timeoutMs: 10_000,
};

/** One EDR vendor: its own settings check and how it builds the responder. */
export interface EdrPresetImplementation {
  /** Throws IntegrationSettingsError naming the bad field. */
  validate?(settings: EdrSettings): void;
  create(settings: EdrSettings, deps: ResponderDeps): Responder;
}

/** Every preset, one line each; adding one is its own file plus a line here. */
const PRESETS: Partial<Record<EdrPreset, EdrPresetImplementation>> = {
  simulator: EDR_SIMULATOR,
  crowdstrike: CROWDSTRIKE_PRESET,
  defender: DEFENDER_PRESET,
};

function presetOf(settings: EdrSettings): EdrPresetImplementation {
  const preset = PRESETS[settings.preset as EdrPreset];
  if (!preset)
    throw new IntegrationSettingsError(
      'settings.preset',
      `must be one of ${Object.keys(PRESETS).join(', ')}`,
    );
  return preset;
}

export function edrSettings(config: Pick<IntegrationConfig, 'settings' | 'secrets'>): EdrSettings {
  const settings = readSettings(EDR_DEFAULTS, config);
  presetOf(settings).validate?.(settings);
  return settings;
}

/**
 * ISOLATE_HOST through an EDR. The built-in `simulator` preset is the default and needs no
 * configuration; `crowdstrike` and `defender` call the vendors' APIs.
 */
export const EDR_RESPONDER = defineResponder<EdrSettings>({
  name: 'edr',
  actionTypes: [ActionType.ISOLATE_HOST],
  defaults: EDR_DEFAULTS,
  secretKeys: ['clientSecret'],
  builtIn: true,
  settings: edrSettings,
  build: (settings, deps) => {
    const preset = PRESETS[settings.preset as EdrPreset];
    if (!preset)
      throw new ResponderError('edr', `preset ${settings.preset} is not available`, false);
    return preset.create(settings, deps);
  },
});
