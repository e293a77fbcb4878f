import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { CaseEventType, CaseStatus, Severity } from '../../generated/prisma/enums';
import type { Prisma } from '../../generated/prisma/client';
import { AuditAction } from '../audit/audit-action';
import { AuditService } from '../audit/audit.service';

const SEVERITY_ORDER: Severity[] = [
  Severity.INFO,
  Severity.LOW,
  Severity.MEDIUM,
  Severity.HIGH,
  Severity.CRITICAL,
];

export interface AlertForCase {
  id: string;
  title: string;
  severity: Severity;
  riskScore: number;
  fingerprint: string;
}

export interface CaseLink {
  caseId: string;
  created: boolean;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Puts an alert in a case: the open case of its fingerprint, or a new one. Runs under a lock
   * on the fingerprint and links the alert in the same transaction, so a retried job finds
   * the link and two workers never open two cases for one incident.
   */
  async openOrAttachForAlert(alert: AlertForCase): Promise<CaseLink> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`case:${alert.fingerprint}`}, 0))`;
      const current = await tx.alert.findUniqueOrThrow({
        where: { id: alert.id },
        select: { caseId: true },
      });
      if (current.caseId) return { caseId: current.caseId, created: false };
      const open = await tx.case.findFirst({
        where: { fingerprint: alert.fingerprint, status: { not: CaseStatus.CLOSED } },
        orderBy: { createdAt: 'desc' },
      });
      const caseId = open ? await this.attach(tx, open, alert) : await this.open(tx, alert);
      await tx.alert.update({ where: { id: alert.id }, data: { caseId } });
      await tx.caseEvent.create({
        data: {
          caseId,
          type: CaseEventType.ALERT_LINKED,
          data: { alertId: alert.id, riskScore: alert.riskScore, automatic: true },
        },
      });
      return { caseId, created: !open };
    });
  }

  private async open(tx: Prisma.TransactionClient, alert: AlertForCase): Promise<string> {
    const created = await tx.case.create({
      data: { title: alert.title, severity: alert.severity, fingerprint: alert.fingerprint },
    });
    await tx.caseEvent.create({
      data: {
        caseId: created.id,
        type: CaseEventType.CREATED,
        data: { reason: `${alert.severity} alert ${alert.id}`, automatic: true },
      },
    });
    await this.audit.record(
      {
        actor: null,
        action: AuditAction.CaseCreated,
        entityType: 'case',
        entityId: created.id,
        data: { alertId: alert.id, severity: alert.severity, automatic: true },
      },
      tx,
    );
    return created.id;
  }

  private async attach(
    tx: Prisma.TransactionClient,
    existing: { id: string; severity: Severity },
    alert: AlertForCase,
  ): Promise<string> {
    if (SEVERITY_ORDER.indexOf(alert.severity) > SEVERITY_ORDER.indexOf(existing.severity)) {
      await tx.case.update({ where: { id: existing.id }, data: { severity: alert.severity } });
      await tx.caseEvent.create({
        data: {
          caseId: existing.id,
          type: CaseEventType.SEVERITY_CHANGED,
          data: { from: existing.severity, to: alert.severity, alertId: alert.id },
        },
      });
    }
    return existing.id;
  }
}
