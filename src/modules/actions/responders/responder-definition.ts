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
  /** Checks settings; throws IntegrationSettingsError naming the bad field. */
  validate?(config: IntegrationConfig): void;
  create(config: IntegrationConfig, deps: ResponderDeps): Responder;
}

/** One responder's whole definition: settings schema, secrets, defaults, test and factory. */
export function defineResponder<S extends object>(spec: ResponderSpec<S>): ResponderDefinition {
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
    validate: spec.validate,
    create: spec.create,
    testConnection: (config) => testResponder(spec, config),
  };
}

async function testResponder<S extends object>(
  spec: ResponderSpec<S>,
  config: IntegrationConfig,
): Promise<ConnectivityResult> {
  let responder: Responder;
  try {
    responder = spec.create(config, {});
  } catch (error) {
    return {
      ok: false,
      detail: `Settings cannot build the responder: ${(error as Error).message}`,
    };
  }
  try {
    return await responder.testConnection();
  } catch (error) {
    return { ok: false, detail: `${spec.name} test failed: ${(error as Error).message}` };
  }
}
