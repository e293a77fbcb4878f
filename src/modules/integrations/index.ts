export { IntegrationsModule } from './integrations.module';
export { IntegrationsService } from './integrations.service';
export type { IntegrationsSnapshot } from './integrations.snapshot';
export type {
  ConnectivityResult,
  EnvironmentSettings,
  IntegrationConfig,
  IntegrationDefinition,
  IntegrationKind,
  SettingCheck,
} from './integration-definition';
export { checkNumber } from './integration-settings.validator';
export { IntegrationSettingsError } from './integrations.errors';
