import { Module } from '@nestjs/common';
import { ActionsModule } from '../../modules/actions';
import { AlertsModule } from '../../modules/alerts';
import { AssetsModule } from '../../modules/assets';
import { AuthModule } from '../../modules/auth';
import { CasesModule } from '../../modules/cases';
import { EnrichmentModule } from '../../modules/enrichment';
import { PlaybookContext } from './playbook-context';
import { PlaybookRunReaper } from './playbook-run.reaper';
import { PlaybookRunner } from './playbook-runner';
import { PlaybookRunsController } from './playbook-runs.controller';
import { PlaybookRunsRepository } from './playbook-runs.repository';
import { PlaybookRunsService } from './playbook-runs.service';
import { PlaybookSteps } from './playbook-steps';
import { PlaybookTriggers } from './playbook-triggers';
import { PlaybookWorkers } from './playbook-workers';

/** Runs playbooks: the step executor, its queue workers, manual runs and run history. */
@Module({
  imports: [ActionsModule, AlertsModule, AssetsModule, AuthModule, CasesModule, EnrichmentModule],
  controllers: [PlaybookRunsController],
  providers: [
    PlaybookRunsRepository,
    PlaybookRunner,
    PlaybookSteps,
    PlaybookRunsService,
    PlaybookWorkers,
    PlaybookTriggers,
    PlaybookRunReaper,
    PlaybookContext,
  ],
  exports: [PlaybookTriggers],
})
export class PlaybookRunsModule {}
