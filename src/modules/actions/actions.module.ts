import { Module } from '@nestjs/common';
import { AllowlistModule } from '../allowlist';
import { AssetsModule } from '../assets';
import { CasesModule } from '../cases';
import { ActionJournal } from './action-journal';
import { ActionRequestPolicy } from './action-request.policy';
import { ActionsController } from './actions.controller';
import { ActionsRepository } from './actions.repository';
import { ActionsService } from './actions.service';
import { ActionExecutor } from './execution/action-executor';
import { ActionExpiry } from './execution/action-expiry';
import { ActionWorkers } from './execution/action-workers';
import { ResponderResolver } from './execution/responder-resolver';
import { TimedUnblock } from './execution/timed-unblock';

@Module({
  imports: [AllowlistModule, AssetsModule, CasesModule],
  controllers: [ActionsController],
  providers: [
    ActionsService,
    ActionsRepository,
    ActionRequestPolicy,
    ActionJournal,
    ActionExecutor,
    ActionExpiry,
    ActionWorkers,
    ResponderResolver,
    TimedUnblock,
  ],
  exports: [ActionsService],
})
export class ActionsModule {}
