import { Injectable, Logger } from '@nestjs/common';
import { Database } from '../../database/database';
import { QueueName } from '../../queue/queue-names';
import { QUEUE_SCHEMA, QueueService } from '../../queue/queue.service';

const SWEEP_BATCH = 500;

/**
 * RUNNING runs that nothing will advance: no live `playbook.run` job (its retries ran out, or
 * it was lost) and no step waiting on an action (those resume through the action). Every run
 * state change queues its job in the same transaction, so such a run is stuck for good.
 */
const STUCK_RUNS = `
SELECT r.id FROM playbook_runs r
 WHERE r.status = 'RUNNING'
   AND NOT EXISTS (SELECT 1 FROM ${QUEUE_SCHEMA}.job j
                    WHERE j.name = $1 AND j.singleton_key = r.id::text
                      AND j.state::text IN ('created', 'retry', 'active'))
   AND NOT EXISTS (SELECT 1 FROM playbook_run_steps s WHERE s.run_id = r.id AND s.status = 'WAITING')
 ORDER BY r.started_at LIMIT ${SWEEP_BATCH}`;

/** The stale-run reaper: a run whose worker and job are both gone gets a new job. */
@Injectable()
export class PlaybookRunReaper {
  private readonly logger = new Logger('PlaybookRunReaper');

  constructor(
    private readonly database: Database,
    private readonly queue: QueueService,
  ) {}

  async sweep(): Promise<{ requeued: number }> {
    const { rows } = await this.database.pool.query<{ id: string }>(STUCK_RUNS, [
      QueueName.PlaybookRun,
    ]);
    for (const { id } of rows)
      await this.queue.send(QueueName.PlaybookRun, { runId: id }, { singletonKey: id });
    if (rows.length > 0) this.logger.warn(`Requeued ${rows.length} stuck playbook run(s)`);
    return { requeued: rows.length };
  }
}
