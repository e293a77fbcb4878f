import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import ipaddr from 'ipaddr.js';
import type { AuthUser } from '../../common/auth/auth-user';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { PrismaService } from '../../database/prisma.service';
import type { Alert, Prisma } from '../../generated/prisma/client';
import { AlertState, AlertStatus, ObservableType } from '../../generated/prisma/enums';
import { AuditAction, AuditService, type AuditActor } from '../audit';
import type { AlertQueryDto } from './dto/alert-query.dto';
import type { AlertWithRelations } from './dto/alert.dto';
import type { UpdateAlertDto } from './dto/update-alert.dto';
import { AlertNotFoundError } from './alerts.errors';

const HASH_TYPES: Record<number, ObservableType> = {
  32: ObservableType.MD5,
  40: ObservableType.SHA1,
  64: ObservableType.SHA256,
};
const CLOSED: AlertStatus[] = [AlertStatus.CLOSED, AlertStatus.FALSE_POSITIVE];
const FINISHED_STATES: AlertState[] = [AlertState.PROCESSED, AlertState.FAILED];
/** How often `?wait=` looks at the alert's state. */
const WAIT_POLL_MS = 150;

@Injectable()
export class AlertsService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async list(query: AlertQueryDto): Promise<Page<Alert>> {
    const where = alertFilter(query);
    const [total, items] = await Promise.all([
      this.prisma.alert.count({ where }),
      this.prisma.alert.findMany({
        where,
        orderBy: { receivedAt: 'desc' },
        skip: query.skip,
        take: query.limit,
      }),
    ]);
    return toPage(query, total, items);
  }

  /** The full alert; with `waitSeconds`, once the pipeline is done with it or the time is up. */
  async get(id: string, waitSeconds = 0): Promise<AlertWithRelations> {
    if (waitSeconds > 0) await this.waitUntilFinished(id, Date.now() + waitSeconds * 1000);
    const alert = await this.prisma.alert.findUnique({
      where: { id },
      include: {
        observables: {
          include: { enrichments: { orderBy: { provider: 'asc' } } },
          orderBy: { createdAt: 'asc' },
        },
        actions: { orderBy: { createdAt: 'desc' } },
      },
    });
    if (!alert) throw new AlertNotFoundError();
    return alert;
  }

  /** Polls the alert's state until the pipeline finished with it, it is gone, or time is up. */
  private async waitUntilFinished(id: string, deadline: number): Promise<void> {
    for (;;) {
      const alert = await this.prisma.alert.findUnique({ where: { id }, select: { state: true } });
      if (!alert || FINISHED_STATES.includes(alert.state)) return;
      const left = deadline - Date.now();
      if (left <= 0) return;
      await sleep(Math.min(WAIT_POLL_MS, left));
    }
  }

  /**
   * Triage: NEW, IN_PROGRESS, CLOSED or FALSE_POSITIVE; closing records when and why. The
   * actor is a person, or the system (a playbook step).
   */
  async update(
    actor: AuthUser | AuditActor,
    id: string,
    dto: UpdateAlertDto,
    ip?: string,
  ): Promise<Alert> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.alert.findUnique({
        where: { id },
        select: { status: true, closedReason: true },
      });
      if (!before) throw new AlertNotFoundError();
      const closing = CLOSED.includes(dto.status);
      const alert = await tx.alert.update({
        where: { id },
        data: {
          status: dto.status,
          closedAt: closing ? new Date() : null,
          closedReason: closing ? (dto.reason ?? null) : null,
          autoClosed: false,
        },
      });
      await this.audit.record(
        {
          actor,
          action: AuditAction.AlertStatusChanged,
          entityType: 'alert',
          entityId: id,
          ip,
          data: {
            before: { status: before.status, closedReason: before.closedReason },
            after: { status: alert.status, closedReason: alert.closedReason },
          },
        },
        tx,
      );
      return alert;
    });
  }
}

function alertFilter(query: AlertQueryDto): Prisma.AlertWhereInput {
  const indicators = indicatorFilters(query);
  return {
    status: query.status,
    severity: query.severity,
    source: query.source,
    caseId: query.caseId,
    duplicateOfId: query.includeDuplicates ? undefined : null,
    receivedAt:
      query.from || query.to
        ? { gte: optionalDate(query.from), lte: optionalDate(query.to) }
        : undefined,
    title: query.q ? { contains: query.q, mode: 'insensitive' } : undefined,
    AND: indicators.map((filter) => ({ observables: { some: filter } })),
  };
}

/** Each indicator filter matches through the observables index. */
function indicatorFilters(query: AlertQueryDto): Prisma.ObservableWhereInput[] {
  const filters: Prisma.ObservableWhereInput[] = [];
  if (query.ip)
    filters.push({
      type: { in: [ObservableType.IPV4, ObservableType.IPV6] },
      value: canonicalIp(query.ip),
    });
  if (query.domain)
    filters.push({ type: ObservableType.DOMAIN, value: query.domain.replace(/\.$/, '') });
  if (query.hash)
    filters.push({
      type: HASH_TYPES[query.hash.length] ?? ObservableType.SHA256,
      value: query.hash,
    });
  if (query.url) filters.push({ type: ObservableType.URL, value: query.url });
  return filters;
}

function canonicalIp(value: string): string {
  return ipaddr.isValid(value) ? ipaddr.process(value).toString() : value;
}

function optionalDate(value?: string): Date | undefined {
  return value ? new Date(value) : undefined;
}
