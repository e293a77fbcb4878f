import type { ActionType } from '../../../generated/prisma/enums';
import type {
  ConnectivityResult,
  EnvironmentSettings,
  IntegrationConfig,
  IntegrationDefinition,
  SettingCheck,
} from '../../integrations';
import type { EnrichmentEnv } from '../../../config/app-config';
import type { Responder, ResponderDeps } from './responder';
import { configured } from './responder-settings';

/** A responder as the integrations registry knows it, plus how to build it. */
export interface ResponderDefinition extends IntegrationDefinition {
  readonly kind: 'responder';
  readonly actionTypes: readonly ActionType[];
  /** Built-in responders (the EDR simulator) work with no configuration at all. */
  readonly builtIn?: boolean;
  create(config: IntegrationConfig, deps: ResponderDeps): Responder;
}

export interface ResponderSpec<S extends object> {
  name: string;
  actionTypes: readonly ActionType[];
  /** The settings schema: every key with its default (its type is the type a value must have). */
  defaults: S;
  secretKeys: ReadonlyArray<keyof S & string>;
  extraSettings?: Readonly<Record<string, SettingCheck>>;
  builtIn?: boolean;
  fromEnvironment?(env: EnrichmentEnv): EnvironmentSettings;
  /** Reads and checks the settings; throws IntegrationSettingsError naming the bad field. */
  settings(config: IntegrationConfig): S;
  /** The responder for checked settings. */
  build(settings: S, deps: ResponderDeps): Responder;
}

/**
 * One responder's whole definition: settings schema, secrets, defaults, test and factory. The
 * PUT's validation and the worker's factory read the settings the same way; a bad
 * configuration met by the worker fails the action (not retryable) in the PUT's words.
 */
export function defineResponder<S extends object>(spec: ResponderSpec<S>): ResponderDefinition {
  const create = (config: IntegrationConfig, deps: ResponderDeps): Responder =>
    spec.build(
      configured(spec.name, () => spec.settings(config)),
      deps,
    );
  return {
    name: spec.name,
    kind: 'responder',
    actionTypes: spec.actionTypes,
    builtIn: spec.builtIn,
    enabledByDefault: spec.builtIn,
    defaults: spec.defaults,
    secretKeys: spec.secretKeys,
    extraSettings: spec.extraSettings,
    fromEnvironment: spec.fromEnvironment,
    validate: (config) => void spec.settings(config),
    create,
    testConnection: (config) => testResponder(spec.name, create, config),
  };
}

async function testResponder(
  name: string,
  create: ResponderDefinition['create'],
  config: IntegrationConfig,
): Promise<ConnectivityResult> {
  let responder: Responder;
  try {
    responder = create(config, {});
  } catch (error) {
    return {
      ok: false,
      detail: `Settings cannot build the responder: ${(error as Error).message}`,
    };
  }
  try {
    return await responder.testConnection();
  } catch (error) {
    return { ok: false, detail: `${name} test failed: ${(error as Error).message}` };
  }
}
