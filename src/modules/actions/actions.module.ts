import { Module } from '@nestjs/common';
import { AllowlistModule } from '../allowlist';
import { AssetsModule } from '../assets';
import { AuthModule } from '../auth';
import { CasesModule } from '../cases';
import { ActionJournal } from './action-journal';
import { ActionRequestPolicy } from './action-request.policy';
import { ActionsController } from './actions.controller';
import { ActionsRepository } from './actions.repository';
import { ActionsService } from './actions.service';
import { ActionExecutor } from './execution/action-executor';
import { ActionPreviewer } from './execution/action-preview';
import { ActionExpiry } from './execution/action-expiry';
import { ActionReaper } from './execution/action-reaper';
import { ActionWorkers } from './execution/action-workers';
import { ResponderResolver } from './execution/responder-resolver';
import { TimedUnblock } from './execution/timed-unblock';
import { SLACK_CLOCK, SlackApprovals } from './slack/slack-approvals.service';
import { SlackInteractionsController } from './slack/slack-interactions.controller';
import { systemClock } from '../../common/time/clock';

@Module({
  imports: [AllowlistModule, AssetsModule, AuthModule, CasesModule],
  controllers: [ActionsController, SlackInteractionsController],
  providers: [
    ActionsService,
    ActionsRepository,
    ActionRequestPolicy,
    ActionJournal,
    ActionExecutor,
    ActionPreviewer,
    ActionExpiry,
    ActionReaper,
    ActionWorkers,
    ResponderResolver,
    TimedUnblock,
    SlackApprovals,
    { provide: SLACK_CLOCK, useValue: systemClock },
  ],
  exports: [ActionsService, ActionPreviewer],
})
export class ActionsModule {}
