import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { PrismaService } from '../../database/prisma.service';
import { AlertState } from '../../generated/prisma/enums';
import { JobsRepository, type JobView } from '../../queue/jobs.repository';
import type { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';
import type { JobsQueryDto } from './dto/job.dto';

@Injectable()
export class JobsService {
  constructor(
    private readonly jobs: JobsRepository,
    private readonly queue: QueueService,
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async get(id: string): Promise<JobView> {
    const job = await this.jobs.find(id);
    if (!job) throw new NotFoundException('Job not found');
    return job;
  }

  async list(query: JobsQueryDto): Promise<Page<JobView>> {
    const { total, items } = await this.jobs.list(query.state, query.skip, query.limit);
    return toPage(query, total, items);
  }

  /** Puts a failed job back in the queue; its alert goes back to RECEIVED until it runs. */
  async retry(actor: AuthUser, id: string, ip?: string): Promise<JobView> {
    const job = await this.get(id);
    if (job.state !== 'failed')
      throw new ConflictException(`Only failed jobs can be retried; this one is ${job.state}`);
    await this.queue.retry(job.queue as QueueName, id);
    const alertId = typeof job.data.alertId === 'string' ? job.data.alertId : undefined;
    if (alertId) {
      await this.prisma.alert.updateMany({
        where: { id: alertId, state: AlertState.FAILED },
        data: { state: AlertState.RECEIVED, processingError: null },
      });
    }
    await this.audit.record({
      actor,
      action: AuditAction.JobRetried,
      entityType: 'job',
      entityId: id,
      ip,
      data: { alertId },
    });
    return this.get(id);
  }
}
