import { Module } from '@nestjs/common';
import { AlertsModule } from '../alerts';
import { AssetsModule } from '../assets';
import { PlaybookReplayService } from './playbook-replay.service';
import { PlaybooksController } from './playbooks.controller';
import { PlaybooksService } from './playbooks.service';

@Module({
  imports: [AlertsModule, AssetsModule],
  controllers: [PlaybooksController],
  providers: [PlaybooksService, PlaybookReplayService],
  exports: [PlaybooksService],
})
export class PlaybooksModule {}
