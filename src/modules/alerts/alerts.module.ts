import { Module } from '@nestjs/common';
import { AllowlistModule } from '../allowlist/allowlist.module';
import { AssetsModule } from '../assets/assets.module';
import { CasesModule } from '../cases/cases.module';
import { EnrichmentModule } from '../enrichment/enrichment.module';
import { ScoringModule } from '../scoring/scoring.module';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { AlertIngestWriter } from './ingest/alert-ingest.writer';
import { IngestController } from './ingest/ingest.controller';
import { IngestService } from './ingest/ingest.service';
import { ObservablesController } from './observables.controller';
import { ObservablesService } from './observables.service';
import { AlertPipeline } from './processing/alert-pipeline';
import { AlertProcessingRepository } from './processing/alert-processing.repository';
import { AlertWorkers } from './processing/alert-workers';
import { StuckAlertSweeper } from './processing/stuck-alert.sweeper';
import { SimController } from './sim/sim.controller';

@Module({
  imports: [AllowlistModule, AssetsModule, EnrichmentModule, ScoringModule, CasesModule],
  controllers: [IngestController, AlertsController, ObservablesController, SimController],
  providers: [
    IngestService,
    AlertIngestWriter,
    AlertsService,
    ObservablesService,
    AlertPipeline,
    AlertProcessingRepository,
    AlertWorkers,
    StuckAlertSweeper,
  ],
  exports: [AlertPipeline, StuckAlertSweeper],
})
export class AlertsModule {}
