import { Module } from '@nestjs/common';
import { AlertCasesRepository } from './alert-cases.repository';
import { AlertEvaluationRepository } from './alert-evaluation.repository';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';
import { AlertIngestWriter } from './ingest/alert-ingest.writer';
import { IngestController } from './ingest/ingest.controller';
import { IngestService } from './ingest/ingest.service';
import { ObservablesController } from './observables.controller';
import { ObservablesService } from './observables.service';
import { AlertAnalysisService } from './processing/alert-analysis.service';
import { AlertProcessingRepository } from './processing/alert-processing.repository';
import { StuckAlertSweeper } from './processing/stuck-alert.sweeper';
import { SimController } from './sim/sim.controller';

@Module({
  controllers: [IngestController, AlertsController, ObservablesController, SimController],
  providers: [
    IngestService,
    AlertIngestWriter,
    AlertsService,
    ObservablesService,
    AlertAnalysisService,
    AlertProcessingRepository,
    StuckAlertSweeper,
    AlertCasesRepository,
    AlertEvaluationRepository,
  ],
  exports: [
    AlertsService,
    AlertAnalysisService,
    AlertProcessingRepository,
    StuckAlertSweeper,
    AlertCasesRepository,
    AlertEvaluationRepository,
  ],
})
export class AlertsModule {}
