import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { Database } from '../../database/database';
import { inTransaction } from '../../database/pg-transaction';
import type { CaseEventType, Severity } from '../../generated/prisma/enums';
import { AuditAction, AuditService } from '../audit';
import {
  ADD_EVENT,
  ATTACH_TO_CASE,
  FIND_LINK_AND_OPEN_CASE,
  LOCK_FINGERPRINT,
  OPEN_CASE,
} from './cases.sql';

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

interface LinkAndOpenCase {
  linkedCaseId: string | null;
  openCaseId: string | null;
  openSeverity: Severity | null;
}

@Injectable()
export class CasesService {
  constructor(
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  /**
   * Adds one event to a case's timeline; pass `client` to make it part of the caller's
   * transaction. `actorId` null is the system.
   */
  async addEvent(
    caseId: string,
    type: CaseEventType,
    data: Record<string, unknown>,
    actorId: string | null,
    client: Pool | PoolClient = this.database.pool,
  ): Promise<void> {
    await client.query(ADD_EVENT, [caseId, type, JSON.stringify(data), actorId]);
  }

  /**
   * Puts an alert in a case: the open case of its fingerprint, or a new one, and returns it;
   * the caller records the link on the alert. Runs under a lock on the fingerprint (never a
   * global one), so two workers never open two cases for one incident, and a retried job
   * finds its earlier link instead of linking twice. The audit entry is staged in the same
   * transaction, without a lock.
   */
  openOrAttachForAlert(alert: AlertForCase): Promise<CaseLink> {
    return inTransaction(this.database.pool, async (client) => {
      await client.query(LOCK_FINGERPRINT, [`case:${alert.fingerprint}`]);
      const found = (
        await client.query<LinkAndOpenCase>(FIND_LINK_AND_OPEN_CASE, [alert.id, alert.fingerprint])
      ).rows[0];
      if (found.linkedCaseId) return { caseId: found.linkedCaseId, created: false };
      const linked = JSON.stringify({
        alertId: alert.id,
        riskScore: alert.riskScore,
        automatic: true,
      });
      if (found.openCaseId) {
        await client.query(ATTACH_TO_CASE, [
          found.openCaseId,
          alert.severity,
          JSON.stringify({ from: found.openSeverity, to: alert.severity, alertId: alert.id }),
          linked,
        ]);
        return { caseId: found.openCaseId, created: false };
      }
      const { caseId } = (
        await client.query<{ caseId: string }>(OPEN_CASE, [
          alert.title,
          alert.severity,
          alert.fingerprint,
          JSON.stringify({ reason: `${alert.severity} alert ${alert.id}`, automatic: true }),
          linked,
        ])
      ).rows[0];
      await this.audit.recordWith(client, {
        actor: null,
        action: AuditAction.CaseCreated,
        entityType: 'case',
        entityId: caseId,
        data: { alertId: alert.id, severity: alert.severity, automatic: true },
      });
      return { caseId, created: true };
    });
  }
}
