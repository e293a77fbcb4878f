export { EnrichmentModule } from './enrichment.module';
export { EnrichmentService } from './enrichment.service';
export type * from './enrichment.types';
