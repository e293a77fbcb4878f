import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../../config/app-config';
import { PrismaService } from '../../../database/prisma.service';
import { AlertState } from '../../../generated/prisma/enums';
import { JobsRepository } from '../../../queue/jobs.repository';
import { QueueName } from '../../../queue/queue-names';
import { QueueService } from '../../../queue/queue.service';
import { AlertProcessingRepository } from './alert-processing.repository';

const SWEEP_BATCH = 500;

export interface SweepResult {
  requeued: number;
  failed: number;
}

/**
 * The database is the source of truth: an alert still RECEIVED or PROCESSING past the timeout
 * whose job is gone gets a new job; one whose job has failed for good is marked FAILED.
 * Alerts whose job is still queued or running are left to pg-boss.
 */
@Injectable()
export class StuckAlertSweeper {
  private readonly logger = new Logger('StuckAlertSweeper');

  constructor(
    private readonly config: AppConfig,
    private readonly prisma: PrismaService,
    private readonly jobs: JobsRepository,
    private readonly queue: QueueService,
    private readonly repository: AlertProcessingRepository,
  ) {}

  async sweep(): Promise<SweepResult> {
    const cutoff = new Date(Date.now() - this.config.alertStuckTimeoutSeconds * 1000);
    const stuck = await this.prisma.alert.findMany({
      where: {
        state: { in: [AlertState.RECEIVED, AlertState.PROCESSING] },
        OR: [
          { processingStartedAt: { lt: cutoff } },
          { processingStartedAt: null, receivedAt: { lt: cutoff } },
        ],
      },
      select: { id: true, jobId: true },
      orderBy: { receivedAt: 'asc' },
      take: SWEEP_BATCH,
    });
    const result: SweepResult = { requeued: 0, failed: 0 };
    for (const alert of stuck) {
      const job = alert.jobId ? await this.jobs.find(alert.jobId) : null;
      if (job?.state === 'queued' || job?.state === 'processing') continue;
      if (job?.state === 'failed') {
        await this.repository.markFailed(alert.id, job.error ?? 'Processing job failed');
        result.failed++;
        continue;
      }
      const jobId = randomUUID();
      await this.queue.send(QueueName.ProcessAlert, { alertId: alert.id }, { id: jobId });
      await this.prisma.alert.update({
        where: { id: alert.id },
        data: { jobId, processingStartedAt: new Date() },
      });
      result.requeued++;
    }
    if (result.requeued + result.failed > 0)
      this.logger.warn(`Swept stuck alerts: ${JSON.stringify(result)}`);
    return result;
  }
}
