import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import type { PoolClient } from 'pg';
import { Database } from '../../database/database';
import { inTransaction } from '../../database/pg-transaction';
import { linkHash, type ChainedFields } from './audit-chain';
import { AuditKeys } from './audit-keys';
import {
  INSERT_SEALED,
  LOCK_SEALER_TRY,
  LOCK_SEALER_WAIT,
  READ_HEAD,
  READ_STAGED,
  RELEASE_STAGED_AND_MOVE_HEAD,
} from './audit.sql';

const SEAL_BATCH = 1000;
/** How often every process offers to seal; whichever holds the lock does the work. */
const SEAL_INTERVAL_MS = 200;

interface StagedRow {
  position: string;
  id: string;
  created_at: Date;
  actor_type: string | null;
  actor_id: string | null;
  actor_email: string | null;
  actor_label: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  data: unknown;
  ip: string | null;
}

type Sealed = ChainedFields & { hash: string };

/**
 * Chains staged audit entries into the append-only log. Writers only INSERT into staging;
 * one sealer at a time (a transaction-scoped advisory lock, across processes) reads the
 * committed staged rows in order, links each to the previous under the HMAC key, inserts
 * them into audit_log, releases them from staging and moves the head, all in one transaction.
 */
@Injectable()
export class AuditSealer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('AuditSealer');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private lastError?: string;

  constructor(
    private readonly database: Database,
    private readonly keys: AuditKeys,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  /** Seals everything committed so far, waiting for a sealer in another process if need be. */
  async sealPending(): Promise<number> {
    return this.sealAll(true);
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.sealAll(false).then(
        () => this.recovered(),
        (error: Error) => this.failed(error),
      );
      void this.running.finally(() => {
        if (this.timer) this.schedule();
      });
    }, SEAL_INTERVAL_MS);
    this.timer.unref();
  }

  private async sealAll(wait: boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const sealed = await inTransaction(this.database.pool, (client) =>
        this.sealBatch(client, wait),
      );
      total += sealed;
      if (sealed < SEAL_BATCH) return total;
    }
  }

  private async sealBatch(client: PoolClient, wait: boolean): Promise<number> {
    if (wait) await client.query(LOCK_SEALER_WAIT);
    else if (!(await client.query<{ locked: boolean }>(LOCK_SEALER_TRY)).rows[0].locked) return 0;
    const staged = (await client.query<StagedRow>(READ_STAGED, [SEAL_BATCH])).rows;
    if (staged.length === 0) return 0;
    const head = (await client.query<{ seq: string; hash: string }>(READ_HEAD)).rows[0];
    const sealed = this.chain(BigInt(head.seq), head.hash, staged);
    await client.query(INSERT_SEALED, columns(sealed));
    const last = sealed[sealed.length - 1];
    await client.query(RELEASE_STAGED_AND_MOVE_HEAD, [
      staged.map((row) => row.position),
      last.seq.toString(),
      last.id,
      last.hash,
    ]);
    return sealed.length;
  }

  private chain(seq: bigint, prevHash: string, staged: StagedRow[]): Sealed[] {
    return staged.map((row) => {
      seq += 1n;
      const fields: ChainedFields = {
        id: row.id,
        seq,
        createdAt: row.created_at,
        actorType: row.actor_type,
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        actorLabel: row.actor_label,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        data: row.data,
        ip: row.ip,
        prevHash,
      };
      prevHash = linkHash(this.keys.chainKey, fields);
      return { ...fields, hash: prevHash };
    });
  }

  private recovered(): void {
    if (this.lastError) this.logger.log('Audit sealing resumed');
    this.lastError = undefined;
  }

  /** Staged entries stay staged, so a failed round loses nothing; log each new cause once. */
  private failed(error: Error): void {
    if (error.message !== this.lastError)
      this.logger.warn(`Audit sealing failed, retrying: ${error.message}`);
    this.lastError = error.message;
  }
}

function columns(sealed: Sealed[]): unknown[] {
  return [
    sealed.map((e) => e.id),
    sealed.map((e) => e.seq.toString()),
    sealed.map((e) => e.createdAt),
    sealed.map((e) => e.actorType),
    sealed.map((e) => e.actorId),
    sealed.map((e) => e.actorEmail),
    sealed.map((e) => e.actorLabel),
    sealed.map((e) => e.action),
    sealed.map((e) => e.entityType),
    sealed.map((e) => e.entityId),
    sealed.map((e) => JSON.stringify(e.data)),
    sealed.map((e) => e.ip),
    sealed.map((e) => e.prevHash),
    sealed.map((e) => e.hash),
  ];
}
