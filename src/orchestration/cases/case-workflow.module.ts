import { Module } from '@nestjs/common';
import { ActionsModule } from '../../modules/actions';
import { AlertsModule } from '../../modules/alerts';
import { CasesModule } from '../../modules/cases';
import { CaseWorkflow } from './case-workflow';
import { CaseWorkflowController } from './case-workflow.controller';

/** Strings cases, alerts and actions together for case creation, detail, linking and merge. */
@Module({
  imports: [CasesModule, AlertsModule, ActionsModule],
  controllers: [CaseWorkflowController],
  providers: [CaseWorkflow],
})
export class CaseWorkflowModule {}
