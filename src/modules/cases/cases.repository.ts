import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { Database } from '../../database/database';
import { inTransaction } from '../../database/pg-transaction';
import { PrismaService } from '../../database/prisma.service';
import type { Case, CaseNote, Prisma } from '../../generated/prisma/client';
import type { CaseEventType } from '../../generated/prisma/enums';
import type { MutableCase } from './case-changes';
import {
  ADD_EVENTS,
  INSERT_CASE,
  INSERT_NOTE,
  LOCK_CASES,
  MOVE_NOTES,
  SET_TICKET,
  UPDATE_CASE,
} from './cases.sql';
import type { CaseQueryDto } from './dto/case-query.dto';

export interface NewCaseEvent {
  caseId: string;
  type: CaseEventType;
  data: Record<string, unknown>;
  actorId: string | null;
}

export interface NewCase {
  title: string;
  description: string | null;
  severity: Case['severity'];
  createdById: string;
  ackSeconds: number;
  resolveSeconds: number;
}

const PERSON = { select: { id: true, email: true, name: true } } as const;

/** A case with its notes and timeline, each with the person behind it. */
export const CASE_RECORD = {
  assignee: PERSON,
  notes: { include: { author: PERSON }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
  events: { include: { actor: PERSON }, orderBy: { seq: 'asc' } },
} satisfies Prisma.CaseInclude;

export type CaseRecord = Prisma.CaseGetPayload<{ include: typeof CASE_RECORD }>;

/** The cases tables: writes in plain SQL on the caller's transaction, reads through Prisma. */
@Injectable()
export class CasesRepository {
  constructor(
    private readonly database: Database,
    private readonly prisma: PrismaService,
  ) {}

  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.database.pool, work);
  }

  async insert(client: PoolClient, kase: NewCase): Promise<Case> {
    const { rows } = await client.query<Case>(INSERT_CASE, [
      kase.title,
      kase.description,
      kase.severity,
      kase.createdById,
      kase.ackSeconds,
      kase.resolveSeconds,
    ]);
    return rows[0];
  }

  /** The cases that exist among `ids`, locked for the rest of the transaction. */
  async lock(client: PoolClient, ids: string[]): Promise<Case[]> {
    return (await client.query<Case>(LOCK_CASES, [ids])).rows;
  }

  async save(client: PoolClient, id: string, next: MutableCase): Promise<Case> {
    const { rows } = await client.query<Case>(UPDATE_CASE, [
      id,
      next.title,
      next.description,
      next.status,
      next.severity,
      next.assigneeId,
      next.resolution,
      next.resolutionNote,
      next.mergedIntoId,
      next.acknowledgedAt,
      next.containedAt,
      next.closedAt,
      next.ackDueAt,
      next.dueAt,
    ]);
    return rows[0];
  }

  async addEvents(client: PoolClient | Database['pool'], events: NewCaseEvent[]): Promise<void> {
    if (events.length === 0) return;
    await client.query(ADD_EVENTS, [
      events.map((event) => event.caseId),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(event.data)),
      events.map((event) => event.actorId),
    ]);
  }

  async insertNote(
    client: PoolClient,
    caseId: string,
    authorId: string,
    note: string,
  ): Promise<CaseNote> {
    return (await client.query<CaseNote>(INSERT_NOTE, [caseId, authorId, note])).rows[0];
  }

  async moveNotes(client: PoolClient, fromCaseId: string, toCaseId: string): Promise<string[]> {
    const { rows } = await client.query<{ id: string }>(MOVE_NOTES, [fromCaseId, toCaseId]);
    return rows.map((row) => row.id);
  }

  /** The ticket stored before, or null when the case does not exist. */
  async setTicket(
    client: PoolClient,
    caseId: string,
    key: string,
    url: string,
  ): Promise<{ beforeKey: string | null; beforeUrl: string | null } | null> {
    const { rows } = await client.query<{ beforeKey: string | null; beforeUrl: string | null }>(
      SET_TICKET,
      [caseId, key, url],
    );
    return rows[0] ?? null;
  }

  find(id: string): Promise<CaseRecord | null> {
    return this.prisma.case.findUnique({ where: { id }, include: CASE_RECORD });
  }

  async list(query: CaseQueryDto): Promise<Page<Case>> {
    const where: Prisma.CaseWhereInput = {
      status: query.status,
      severity: query.severity,
      assigneeId: query.assigneeId,
      createdAt:
        query.from || query.to
          ? {
              gte: query.from ? new Date(query.from) : undefined,
              lte: query.to ? new Date(query.to) : undefined,
            }
          : undefined,
      OR: query.q
        ? [
            { title: { contains: query.q, mode: 'insensitive' } },
            { description: { contains: query.q, mode: 'insensitive' } },
          ]
        : undefined,
    };
    const [total, items] = await Promise.all([
      this.prisma.case.count({ where }),
      this.prisma.case.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: query.skip,
        take: query.limit,
      }),
    ]);
    return toPage(query, total, items);
  }
}
