import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { describeUrl, OutboundHttpClient } from '../../common/http/outbound';
import { AppConfig } from '../../config/app-config';
import { Database } from '../../database/database';
import type { AuditCheckpoint } from './audit-checkpoint';
import { AuditService } from './audit.service';
import { AuditSealer } from './audit-sealer';
import { CLAIM_CHECKPOINT_SLOT } from './audit.sql';

const POST_TIMEOUT_MS = 5000;

/**
 * Every AUDIT_CHECKPOINT_SECONDS, one process (whichever claims the period in audit_head
 * first) logs a signed checkpoint and POSTs it to AUDIT_CHECKPOINT_URL, so copies of the
 * head live outside the database. A failed POST is logged, not retried: the next period
 * brings a newer checkpoint anyway.
 */
@Injectable()
export class AuditCheckpointEmitter implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditCheckpoint');
  private readonly periodMs: number;
  private readonly http = new OutboundHttpClient({
    name: 'audit checkpoint',
    timeoutMs: POST_TIMEOUT_MS,
    retry: { maxRetries: 0 },
  });
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly config: AppConfig,
    private readonly database: Database,
    private readonly audit: AuditService,
    private readonly sealer: AuditSealer,
  ) {
    this.periodMs = config.audit.checkpointSeconds * 1000;
  }

  onApplicationBootstrap(): void {
    if (this.periodMs > 0) this.scheduleNext();
  }

  onModuleDestroy(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  /**
   * Emits the checkpoint of the period `now` falls in, unless some process already did.
   * Returns what was emitted (null when another process had it, or checkpoints are off).
   */
  async emitDue(now = new Date()): Promise<AuditCheckpoint | null> {
    if (this.periodMs === 0) return null;
    const slot = Math.floor(now.getTime() / this.periodMs);
    await this.sealer.sealPending();
    const { rows } = await this.database.pool.query<{ seq: string; hash: string }>(
      CLAIM_CHECKPOINT_SLOT,
      [slot],
    );
    if (rows.length === 0) return null;
    const checkpoint = this.audit.sign(rows[0], now);
    this.logger.log(`Audit checkpoint ${JSON.stringify(checkpoint)}`);
    if (this.config.audit.checkpointUrl)
      await this.post(this.config.audit.checkpointUrl, checkpoint);
    return checkpoint;
  }

  private async post(url: string, checkpoint: AuditCheckpoint): Promise<void> {
    try {
      const response = await this.http.request({ method: 'POST', url, body: checkpoint });
      if (response.status >= 300) {
        this.logger.warn(
          `Audit checkpoint POST to ${describeUrl(url)} answered ${response.status}`,
        );
      }
    } catch (error) {
      // The error names the target without userinfo or query (they may hold a token).
      this.logger.warn(`Audit checkpoint POST failed: ${(error as Error).message}`);
    }
  }

  /** Fires just after each period boundary, the same moment in every process. */
  private scheduleNext(): void {
    const delay = this.periodMs - (Date.now() % this.periodMs) + 50;
    this.timer = setTimeout(() => {
      this.emitDue()
        .catch((error: Error) => this.logger.warn(`Audit checkpoint failed: ${error.message}`))
        .finally(() => {
          if (this.timer) this.scheduleNext();
        });
    }, delay);
    this.timer.unref();
  }
}
