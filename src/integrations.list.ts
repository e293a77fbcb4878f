import { RESPONDER_DEFINITIONS } from './modules/actions';
import { PROVIDER_DEFINITIONS } from './modules/enrichment';
import type { IntegrationDefinition } from './modules/integrations';

/** Every integration the app is built with; each kind keeps its own one-line-per-vendor list. */
export const INTEGRATION_DEFINITIONS: readonly IntegrationDefinition[] = [
  ...PROVIDER_DEFINITIONS,
  ...RESPONDER_DEFINITIONS,
];
