import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { JobsRepository, type JobView } from '../../queue/jobs.repository';
import type { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import { AuditAction, AuditService } from '../audit';
import { AlertProcessingRepository } from '../alerts';
import type { JobsQueryDto } from './dto/job.dto';
import { JobNotFoundError, JobNotRetryableError } from './jobs.errors';

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly queue: QueueService,
    private readonly alerts: AlertProcessingRepository,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<JobView> {
    const job = await this.jobs.find(id);
    if (!job) throw new JobNotFoundError();
    return job;
  }

  async list(query: JobsQueryDto): Promise<Page<JobView>> {
    const { total, items } = await this.jobs.list(query.state, query.skip, query.limit);
    return toPage(query, total, items);
  }

  /** Puts a failed job back in the queue; its alert goes back to RECEIVED until it runs. */
  async retry(actor: AuthUser, id: string, ip?: string): Promise<JobView> {
    const job = await this.get(id);
    if (job.state !== 'failed') throw new JobNotRetryableError(job.state);
    await this.queue.retry(job.queue as QueueName, id);
    const alertId = typeof job.data.alertId === 'string' ? job.data.alertId : undefined;
    if (alertId) await this.alerts.markRequeued(alertId);
    const after = await this.get(id);
    await this.audit.record({
      actor,
      action: AuditAction.JobRetried,
      entityType: 'job',
      entityId: id,
      ip,
      data: { before: { state: job.state }, after: { state: after.state }, alertId },
    });
    return after;
  }
}
