export { AlertPipelineModule } from './alert-pipeline/alert-pipeline.module';
export { AlertPipeline, type PipelineResult } from './alert-pipeline/alert-pipeline';
