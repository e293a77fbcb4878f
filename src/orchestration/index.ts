export { AlertPipelineModule } from './alert-pipeline/alert-pipeline.module';
export { AlertPipeline, type PipelineResult } from './alert-pipeline/alert-pipeline';
export { AlertActionsModule } from './alert-actions/alert-actions.module';
export { CaseWorkflowModule } from './cases/case-workflow.module';
export { PlaybookRunsModule } from './playbooks/playbook-runs.module';
