import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditLog, Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../database/prisma.service';
import { Database } from '../../database/database';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { GENESIS_HASH, linkHash } from './audit-chain';
import type { AuditAction } from './audit-action';
import { storedActor, type AuditActor } from './audit-actor';
import {
  checkpointSignatureValid,
  decodeCheckpoint,
  signCheckpoint,
  type AuditCheckpoint,
} from './audit-checkpoint';
import { AuditKeys } from './audit-keys';
import { AuditSealer } from './audit-sealer';
import { AuditCheckpointSignatureError } from './audit.errors';
import { INSERT_STAGED, READ_HEAD } from './audit.sql';
import type { AuditQueryDto } from './dto/audit-query.dto';

const VERIFY_CHUNK = 1000;

/** One audited change; see audit-actor.ts for the actor model and how to record. */
export interface AuditInput {
  /** Null or omitted: the system. */
  actor?: AuditActor | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown>;
  ip?: string | null;
}

export interface AuditVerification {
  valid: boolean;
  checked: number;
  firstBrokenId?: string;
  reason?: string;
}

/** Anything that runs a parameterised statement: a pg pool, or a client inside a transaction. */
export interface SqlClient {
  query(text: string, values: unknown[]): Promise<unknown>;
}

export interface AuditPublicKey {
  algorithm: 'Ed25519';
  /** SubjectPublicKeyInfo, PEM. */
  pem: string;
  /** SubjectPublicKeyInfo, DER as base64. */
  spki: string;
}

type ChainLink = { seq: bigint; hash: string; id: string | null };

@Injectable()
export class AuditService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly database: Database,
    private readonly keys: AuditKeys,
    private readonly sealer: AuditSealer,
  ) {}

  /**
   * Stages one entry: a plain INSERT with no lock. Pass `tx` to make it part of the caller's
   * transaction, so it commits (and is later sealed) exactly when the change it records does.
   */
  async record(input: AuditInput, tx?: Prisma.TransactionClient): Promise<void> {
    const values = stagedValues(input);
    if (tx) await tx.$executeRawUnsafe(INSERT_STAGED, ...values);
    else await this.database.pool.query(INSERT_STAGED, values);
  }

  /** The same for plain-SQL hot paths: `client` is the pg client of the caller's transaction. */
  async recordWith(client: SqlClient, input: AuditInput): Promise<void> {
    await client.query(INSERT_STAGED, stagedValues(input));
  }

  /** Sealed entries, newest first; whatever was committed before the call is sealed first. */
  async list(query: AuditQueryDto): Promise<Page<AuditLog>> {
    await this.sealer.sealPending();
    const where: Prisma.AuditLogWhereInput = {
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId,
      actorType: query.actorType,
      action: query.action,
      createdAt:
        query.from || query.to
          ? { gte: optionalDate(query.from), lte: optionalDate(query.to) }
          : undefined,
    };
    const [total, items] = await Promise.all([
      this.prisma.auditLog.count({ where }),
      this.prisma.auditLog.findMany({
        where,
        orderBy: { seq: 'desc' },
        skip: query.skip,
        take: query.limit,
      }),
    ]);
    return toPage(query, total, items);
  }

  /** Signs the current head: keep copies outside the database to detect a rolled-back tail. */
  async checkpoint(at = new Date()): Promise<AuditCheckpoint> {
    await this.sealer.sealPending();
    const head = (await this.database.pool.query<{ seq: string; hash: string }>(READ_HEAD)).rows[0];
    return this.sign(head, at);
  }

  sign(head: { seq: string | bigint; hash: string }, at: Date): AuditCheckpoint {
    return signCheckpoint(this.keys.signingKey, {
      seq: Number(head.seq),
      hash: head.hash,
      at: at.toISOString(),
    });
  }

  publicKey(): AuditPublicKey {
    return {
      algorithm: 'Ed25519',
      pem: this.keys.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      spki: this.keys.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    };
  }

  /**
   * Seals what is pending, then walks the chain in order, checking every link with the HMAC
   * key. With a checkpoint (base64 of its JSON, signature checked first) the entry it names
   * must still be there with the same link, which a rolled-back head cannot hide.
   */
  async verify(encodedCheckpoint?: string): Promise<AuditVerification> {
    const checkpoint =
      encodedCheckpoint === undefined ? undefined : decodeCheckpoint(encodedCheckpoint);
    if (checkpoint && !checkpointSignatureValid(this.keys.publicKey, checkpoint))
      throw new AuditCheckpointSignatureError();
    await this.sealer.sealPending();
    const walked = await this.walkChain();
    if ('broken' in walked) return walked.broken;
    const { last, checked } = walked;
    const head = await this.prisma.auditHead.findUnique({ where: { id: 1 } });
    if (!head || head.seq !== last.seq || head.hash !== last.hash)
      return {
        valid: false,
        checked,
        firstBrokenId: head?.lastId ?? last.id ?? undefined,
        reason: 'the head does not match the last entry',
      };
    if (checkpoint) return this.compareWithCheckpoint(checkpoint, checked);
    return { valid: true, checked };
  }

  private async walkChain(): Promise<
    { broken: AuditVerification } | { last: ChainLink; checked: number }
  > {
    let last: ChainLink = { seq: 0n, hash: GENESIS_HASH, id: null };
    let checked = 0;
    for (;;) {
      const rows = await this.prisma.auditLog.findMany({
        where: { seq: { gt: last.seq } },
        orderBy: { seq: 'asc' },
        take: VERIFY_CHUNK,
      });
      for (const row of rows) {
        checked++;
        const intact =
          row.seq === last.seq + 1n &&
          row.prevHash === last.hash &&
          linkHash(this.keys.chainKey, row) === row.hash;
        if (!intact)
          return {
            broken: {
              valid: false,
              checked,
              firstBrokenId: row.id,
              reason: 'entry altered, missing before it, or not linked under this key',
            },
          };
        last = row;
      }
      if (rows.length < VERIFY_CHUNK) return { last, checked };
    }
  }

  private async compareWithCheckpoint(
    checkpoint: AuditCheckpoint,
    checked: number,
  ): Promise<AuditVerification> {
    if (checkpoint.seq === 0) {
      return checkpoint.hash === GENESIS_HASH
        ? { valid: true, checked }
        : { valid: false, checked, reason: 'the checkpoint does not match the empty log' };
    }
    const entry = await this.prisma.auditLog.findUnique({ where: { seq: BigInt(checkpoint.seq) } });
    if (!entry)
      return {
        valid: false,
        checked,
        reason: `entry ${checkpoint.seq} named by the checkpoint is missing: the log was truncated`,
      };
    if (entry.hash !== checkpoint.hash)
      return {
        valid: false,
        checked,
        firstBrokenId: entry.id,
        reason: `entry ${checkpoint.seq} differs from the checkpoint: the log was rewritten`,
      };
    return { valid: true, checked };
  }
}

function stagedValues(input: AuditInput): unknown[] {
  const actor = storedActor(input.actor);
  return [
    randomUUID(),
    new Date(),
    actor.type,
    actor.id,
    actor.email,
    actor.label,
    input.action,
    input.entityType,
    input.entityId ?? null,
    JSON.stringify(input.data ?? {}),
    input.ip ?? null,
  ];
}

function optionalDate(value?: string): Date | undefined {
  return value ? new Date(value) : undefined;
}
