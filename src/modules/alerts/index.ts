export { AlertsModule } from './alerts.module';
export { AlertsService } from './alerts.service';
export {
  AlertAnalysisService,
  type AlertAnalysis,
  type AllowlistCheck,
} from './processing/alert-analysis.service';
export {
  AlertProcessingRepository,
  type ProcessingAlert,
  type StoredObservable,
} from './processing/alert-processing.repository';
export { AlertCasesRepository, type CaseObservable } from './alert-cases.repository';
export {
  AlertEvaluationRepository,
  type AlertForEvaluation,
  type EvaluationObservable,
} from './alert-evaluation.repository';
export { AlertSummaryDto, EnrichmentDto, toAlertSummaryDto } from './dto/alert.dto';
export { StuckAlertSweeper, type SweepResult } from './processing/stuck-alert.sweeper';
export type { NormalizedAlert } from './normalization/normalized-alert';
