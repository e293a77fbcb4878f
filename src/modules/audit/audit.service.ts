import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { AuditLog, Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../database/prisma.service';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { GENESIS_HASH, hashEntry } from './audit-chain';
import type { AuditAction } from './audit-action';
import type { AuditQueryDto } from './dto/audit-query.dto';

/** Arbitrary key: serialises appends across every process sharing the database. */
const AUDIT_LOCK_KEY = 7_360_001;
const VERIFY_CHUNK = 1000;

export interface AuditActor {
  id?: string | null;
  email?: string | null;
}

export interface AuditInput {
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
}

@Injectable()
export class AuditService {
  constructor(private readonly prisma: PrismaService) {}

  /** Appends one entry; pass `tx` to make it part of the caller's transaction. */
  async record(input: AuditInput, tx?: Prisma.TransactionClient): Promise<void> {
    if (tx) return this.append(tx, input);
    await this.prisma.$transaction((transaction) => this.append(transaction, input));
  }

  async list(query: AuditQueryDto): Promise<Page<AuditLog>> {
    const where: Prisma.AuditLogWhereInput = {
      entityType: query.entityType,
      entityId: query.entityId,
      actorId: query.actorId,
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

  /** Walks the chain in order; reports the first entry whose link or content was altered. */
  async verify(): Promise<AuditVerification> {
    let previous: { seq: bigint; hash: string; id: string | null } = {
      seq: 0n,
      hash: GENESIS_HASH,
      id: null,
    };
    let checked = 0;
    for (;;) {
      const rows = await this.prisma.auditLog.findMany({
        where: { seq: { gt: previous.seq } },
        orderBy: { seq: 'asc' },
        take: VERIFY_CHUNK,
      });
      for (const row of rows) {
        checked++;
        const intact =
          row.seq === previous.seq + 1n &&
          row.prevHash === previous.hash &&
          hashEntry(row) === row.hash;
        if (!intact) return { valid: false, checked, firstBrokenId: row.id };
        previous = row;
      }
      if (rows.length < VERIFY_CHUNK) break;
    }
    const head = await this.prisma.auditHead.findUnique({ where: { id: 1 } });
    const headMatches = head
      ? head.seq === previous.seq && head.hash === previous.hash
      : previous.seq === 0n;
    if (!headMatches)
      return { valid: false, checked, firstBrokenId: head?.lastId ?? previous.id ?? undefined };
    return { valid: true, checked };
  }

  private async append(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`;
    const head = await tx.auditHead.findUnique({ where: { id: 1 } });
    const entry = {
      id: randomUUID(),
      seq: (head?.seq ?? 0n) + 1n,
      createdAt: new Date(),
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? null,
      action: input.action,
      entityType: input.entityType,
      entityId: input.entityId ?? null,
      // Round-trip through JSON so the hashed value is exactly what jsonb returns.
      data: JSON.parse(JSON.stringify(input.data ?? {})) as Prisma.InputJsonObject,
      ip: input.ip ?? null,
      prevHash: head?.hash ?? GENESIS_HASH,
    };
    const hash = hashEntry(entry);
    await tx.auditLog.create({ data: { ...entry, hash } });
    const headValues = { seq: entry.seq, lastId: entry.id, hash };
    await tx.auditHead.upsert({
      where: { id: 1 },
      create: { id: 1, ...headValues },
      update: headValues,
    });
  }
}

function optionalDate(value?: string): Date | undefined {
  return value ? new Date(value) : undefined;
}
