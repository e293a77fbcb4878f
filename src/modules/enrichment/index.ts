export { EnrichmentModule } from './enrichment.module';
export { EnrichmentService } from './enrichment.service';
export type * from './enrichment.types';
export { PROVIDER_DEFINITIONS } from './providers/provider.registry';
export type { ProviderDefinition } from './providers/provider-definition';
