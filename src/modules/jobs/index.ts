export { JobsModule } from './jobs.module';
export { JobsService } from './jobs.service';
