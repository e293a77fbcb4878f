import { Module } from '@nestjs/common';
import { EnrichmentCache } from './enrichment-cache';
import { EnrichmentRepository } from './enrichment.repository';
import { EnrichmentService } from './enrichment.service';
import { ProviderPool } from './provider-pool';

@Module({
  providers: [EnrichmentService, ProviderPool, EnrichmentCache, EnrichmentRepository],
  exports: [EnrichmentService],
})
export class EnrichmentModule {}
