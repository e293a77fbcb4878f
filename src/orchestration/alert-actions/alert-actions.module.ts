import { Module } from '@nestjs/common';
import { ActionsModule } from '../../modules/actions';
import { AlertsModule } from '../../modules/alerts';
import { CasesModule } from '../../modules/cases';
import { AlertActionFlow } from './alert-action.flow';
import { AlertActionsController } from './alert-actions.controller';

/** Strings alerts, cases and actions together for the alert-level action route. */
@Module({
  imports: [AlertsModule, CasesModule, ActionsModule],
  controllers: [AlertActionsController],
  providers: [AlertActionFlow],
})
export class AlertActionsModule {}
