import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { JsonObject } from '../../common/types/json';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { AppConfig } from '../../config/app-config';
import { Database } from '../../database/database';
import { inTransaction } from '../../database/pg-transaction';
import { PrismaService } from '../../database/prisma.service';
import type { Action, ActionApproval, Prisma } from '../../generated/prisma/client';
import type { ActionStatus, ActionType } from '../../generated/prisma/enums';
import { ActionCaseNotFoundError, ActionNotFoundError } from './actions.errors';
import type { ResponseContext } from './responders/responder';
import {
  APPROVAL_HASHES,
  EXPIRE_DUE,
  INSERT_ACTION,
  INSERT_APPROVAL,
  LOCK_ACTION,
  LOCK_STALE_EXECUTING,
  MARK_APPROVED,
  MARK_EXECUTING,
  MARK_EXPIRED,
  MARK_FINISHED,
  MARK_REJECTED,
  MOVE_TO_CASE,
  SELECT_ACTION,
  SELECT_UNBLOCK_OF,
} from './actions.sql';
import type { ActionQueryDto } from './dto/action-query.dto';

/** An action row as the SQL reads it, with whether its current stage is past its deadline. */
export type ActionRow = Action & { overdue: boolean };

export type ActionWithApprovals = Action & { approvals: ActionApproval[] };

export interface NewAction {
  caseId: string;
  alertId: string | null;
  playbookRunId: string | null;
  actionType: ActionType;
  target: string;
  params: JsonObject;
  reason: string | null;
  status: ActionStatus;
  requiresApproval: boolean;
  requiredApprovals: number;
  requestedById: string | null;
  requestHash: string;
  /** Seconds until the stage lapses; null for none. */
  ttlSeconds: number | null;
  unblockOfId: string | null;
}

export interface Outcome {
  status: ActionStatus;
  output: JsonObject;
  effects: unknown[];
  mode: string | null;
  error: string | null;
}

export interface MovedAction {
  id: string;
  fromCaseId: string;
  status: ActionStatus;
}

const FOREIGN_KEY_VIOLATION = '23503';

@Injectable()
export class ActionsRepository {
  constructor(
    private readonly database: Database,
    private readonly prisma: PrismaService,
    private readonly config: AppConfig,
  ) {}

  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.database.pool, work);
  }

  /** The new row, or null when the unblock of that block already exists. */
  async insert(client: PoolClient, action: NewAction): Promise<ActionRow | null> {
    try {
      const { rows } = await client.query<ActionRow>(INSERT_ACTION, [
        action.caseId,
        action.alertId,
        action.playbookRunId,
        action.actionType,
        action.target,
        JSON.stringify(action.params),
        action.reason,
        action.status,
        action.requiresApproval,
        action.requiredApprovals,
        action.requestedById,
        action.requestHash,
        action.ttlSeconds,
        action.unblockOfId,
      ]);
      return rows[0] ?? null;
    } catch (error) {
      if ((error as { code?: string }).code === FOREIGN_KEY_VIOLATION)
        throw new ActionCaseNotFoundError();
      throw error;
    }
  }

  async lock(client: PoolClient, id: string): Promise<ActionRow> {
    const row = (await client.query<ActionRow>(LOCK_ACTION, [id])).rows[0];
    if (!row) throw new ActionNotFoundError();
    return row;
  }

  async find(id: string): Promise<ActionRow | null> {
    return (await this.database.pool.query<ActionRow>(SELECT_ACTION, [id])).rows[0] ?? null;
  }

  async findUnblockOf(client: PoolClient, blockId: string): Promise<ActionRow | null> {
    return (await client.query<ActionRow>(SELECT_UNBLOCK_OF, [blockId])).rows[0] ?? null;
  }

  /** False when this approver had already approved. */
  async addApproval(
    client: PoolClient,
    actionId: string,
    approverId: string,
    hash: string,
  ): Promise<boolean> {
    const { rowCount } = await client.query(INSERT_APPROVAL, [actionId, approverId, hash]);
    return rowCount === 1;
  }

  async approvals(
    client: PoolClient,
    actionId: string,
  ): Promise<{ approverId: string; approvalHash: string }[]> {
    return (
      await client.query<{ approverId: string; approvalHash: string }>(APPROVAL_HASHES, [actionId])
    ).rows;
  }

  async markApproved(client: PoolClient, id: string, deciderId: string, ttl: number) {
    return this.one(client, MARK_APPROVED, [id, deciderId, ttl]);
  }

  async markRejected(client: PoolClient, id: string, deciderId: string, reason: string) {
    return this.one(client, MARK_REJECTED, [id, deciderId, reason]);
  }

  async markExpired(client: PoolClient, id: string) {
    return this.one(client, MARK_EXPIRED, [id]);
  }

  async markExecuting(client: PoolClient, id: string) {
    return this.one(client, MARK_EXECUTING, [id]);
  }

  /** Null when the action had already left EXECUTING (a repeated job). */
  async markFinished(client: PoolClient, id: string, outcome: Outcome): Promise<ActionRow | null> {
    const { rows } = await client.query<ActionRow>(MARK_FINISHED, [
      id,
      outcome.status,
      JSON.stringify(outcome.output),
      JSON.stringify(outcome.effects),
      outcome.mode,
      outcome.error,
    ]);
    return rows[0] ?? null;
  }

  async expireDue(
    client: PoolClient,
    limit: number,
  ): Promise<(ActionRow & { before: ActionStatus })[]> {
    return (await client.query<ActionRow & { before: ActionStatus }>(EXPIRE_DUE, [limit])).rows;
  }

  async lockStaleExecuting(
    client: PoolClient,
    olderThanSeconds: number,
    limit: number,
  ): Promise<ActionRow[]> {
    return (await client.query<ActionRow>(LOCK_STALE_EXECUTING, [olderThanSeconds, limit])).rows;
  }

  async moveToCase(
    client: PoolClient,
    fromCaseIds: string[],
    toCaseId: string,
  ): Promise<MovedAction[]> {
    return (await client.query<MovedAction>(MOVE_TO_CASE, [fromCaseIds, toCaseId])).rows;
  }

  findWithApprovals(id: string): Promise<ActionWithApprovals | null> {
    return this.prisma.action.findUnique({ where: { id }, include: APPROVALS });
  }

  async list(query: ActionQueryDto): Promise<Page<ActionWithApprovals>> {
    const where: Prisma.ActionWhereInput = {
      status: query.status,
      caseId: query.caseId,
      actionType: query.actionType,
    };
    const [total, items] = await Promise.all([
      this.prisma.action.count({ where }),
      this.prisma.action.findMany({
        where,
        include: APPROVALS,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: query.skip,
        take: query.limit,
      }),
    ]);
    return toPage(query, total, items);
  }

  listForCase(caseId: string): Promise<ActionWithApprovals[]> {
    return this.prisma.action.findMany({
      where: { caseId },
      include: APPROVALS,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /** The case and alert facts a responder may show (a message, a ticket). */
  async responseContext(action: Action): Promise<ResponseContext> {
    const row = await this.prisma.action.findUnique({
      where: { id: action.id },
      select: {
        case: { select: { number: true, title: true, severity: true } },
        alert: { select: { title: true, riskScore: true } },
        requestedBy: { select: { email: true } },
      },
    });
    return {
      caseId: action.caseId,
      link: `${this.config.publicUrl}/cases/${action.caseId}`,
      caseNumber: row?.case.number,
      caseTitle: row?.case.title,
      severity: row?.case.severity,
      riskScore: row?.alert?.riskScore ?? null,
      alertId: action.alertId,
      alertTitle: row?.alert?.title ?? null,
      requestedBy: row?.requestedBy?.email ?? null,
      reason: action.reason,
    };
  }

  private async one(client: PoolClient, sql: string, values: unknown[]): Promise<ActionRow> {
    return (await client.query<ActionRow>(sql, values)).rows[0];
  }
}

const APPROVALS = { approvals: { orderBy: { createdAt: 'asc' } } } as const;
