import { Module } from '@nestjs/common';
import { AlertsModule } from '../../modules/alerts';
import { AllowlistModule } from '../../modules/allowlist';
import { AssetsModule } from '../../modules/assets';
import { CasesModule } from '../../modules/cases';
import { EnrichmentModule } from '../../modules/enrichment';
import { ScoringModule } from '../../modules/scoring';
import { PlaybookRunsModule } from '../playbooks/playbook-runs.module';
import { AlertPipeline } from './alert-pipeline';
import { AlertWorkers } from './alert-workers';

/** Strings the feature modules together for each alert, and runs the queue workers that do it. */
@Module({
  imports: [
    AlertsModule,
    AllowlistModule,
    AssetsModule,
    EnrichmentModule,
    ScoringModule,
    CasesModule,
    PlaybookRunsModule,
  ],
  providers: [AlertPipeline, AlertWorkers],
  exports: [AlertPipeline],
})
export class AlertPipelineModule {}
