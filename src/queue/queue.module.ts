import { Global, Module } from '@nestjs/common';
import { JobsRepository } from './jobs.repository';
import { QueueService } from './queue.service';

@Global()
@Module({ providers: [QueueService, JobsRepository], exports: [QueueService, JobsRepository] })
export class QueueModule {}
