import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { AuthUser } from '../../common/auth/auth-user';
import { ANALYST_PLUS } from '../../common/auth/role-groups';
import type { Page } from '../../common/validation/pagination.dto';
import { AppConfig } from '../../config/app-config';
import { Database } from '../../database/database';
import { QueueName } from '../../queue/queue-names';
import { QueueService } from '../../queue/queue.service';
import { inLockedTransaction } from '../../database/pg-transaction';
import type { Case, CaseNote } from '../../generated/prisma/client';
import { CaseEventType, CaseStatus, Severity } from '../../generated/prisma/enums';
import { AuditAction, AuditService, systemActor, userActor } from '../audit';
import { UsersService } from '../auth';
import { planCaseChange } from './case-changes';
import { alertsToLink, highestSeverity, type CaseAlertLinks } from './case-links';
import { slaSeconds } from './case-sla';
import { CasesRepository, type CaseRecord, type NewCaseEvent } from './cases.repository';
import { CaseAssigneeInvalidError, CaseClosedError, CaseNotFoundError } from './cases.errors';
import { ADD_EVENT, ATTACH_TO_CASE, FIND_LINK_AND_OPEN_CASE, OPEN_CASE } from './cases.sql';
import type { CaseQueryDto } from './dto/case-query.dto';
import type { CreateCaseDto } from './dto/create-case.dto';
import type { UpdateCaseDto } from './dto/update-case.dto';

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

/** The case timeline events playbooks can listen to. */
const PLAYBOOK_EVENTS: Partial<Record<CaseEventType, 'case.status_changed' | 'case.assigned'>> = {
  [CaseEventType.STATUS_CHANGED]: 'case.status_changed',
  [CaseEventType.ASSIGNED]: 'case.assigned',
};

/**
 * Cases: the automatic path of the alert pipeline (plain SQL under a fingerprint lock) and
 * the analysts' work on them. Every change writes its timeline events and its audit entry in
 * the transaction that makes it.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly database: Database,
    private readonly repository: CasesRepository,
    private readonly audit: AuditService,
    private readonly users: UsersService,
    private readonly config: AppConfig,
    private readonly queue: QueueService,
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
   * transaction, without a lock. SLA deadlines are computed by the same statements.
   */
  openOrAttachForAlert(alert: AlertForCase): Promise<CaseLink> {
    const sla = slaSeconds(this.config.slaTargets, alert.severity);
    return inLockedTransaction(this.database.pool, `case:${alert.fingerprint}`, async (client) => {
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
          alert.id,
          linked,
          ...sla,
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
          ...sla,
          alert.id,
        ])
      ).rows[0];
      return { caseId, created: true };
    });
  }

  async get(id: string): Promise<CaseRecord> {
    const found = await this.repository.find(id);
    if (!found) throw new CaseNotFoundError();
    return found;
  }

  list(query: CaseQueryDto): Promise<Page<Case>> {
    return this.repository.list(query);
  }

  /**
   * Opens a case by hand, with the alerts named (unknown ones 400, ones in another case 409).
   * Its severity defaults to the highest of those alerts, else MEDIUM.
   */
  create(
    actor: AuthUser,
    dto: CreateCaseDto,
    ip: string | undefined,
    alerts: CaseAlertLinks,
  ): Promise<Case> {
    const alertIds = dto.alertIds ?? [];
    return this.repository.transaction(async (client) => {
      const toLink = alertsToLink(await alerts.lockForLink(client, alertIds), alertIds, null);
      const severity =
        dto.severity ?? highestSeverity(toLink.map((alert) => alert.severity)) ?? Severity.MEDIUM;
      const [ackSeconds, resolveSeconds] = slaSeconds(this.config.slaTargets, severity);
      const created = await this.repository.insert(client, {
        title: dto.title,
        description: dto.description ?? null,
        severity,
        createdById: actor.id,
        ackSeconds,
        resolveSeconds,
      });
      const after = {
        title: created.title,
        severity,
        ackDueAt: created.ackDueAt,
        dueAt: created.dueAt,
      };
      await alerts.linkToCase(client, alertIds, created.id);
      await this.repository.addEvents(client, [
        {
          caseId: created.id,
          type: CaseEventType.CREATED,
          data: { before: null, after },
          actorId: actor.id,
        },
        ...linkedEvents(created.id, alertIds, actor),
      ]);
      await this.audit.recordWith(client, {
        actor: userActor(actor),
        action: AuditAction.CaseCreated,
        entityType: 'case',
        entityId: created.id,
        ip,
        data: { before: null, after: { ...after, description: created.description }, alertIds },
      });
      return created;
    });
  }

  /**
   * PATCH /cases/:id: status (by the machine), severity, assignee, text and classification.
   * `actor` null is the system (a playbook step, named by `job`).
   */
  async update(
    actor: AuthUser | null,
    id: string,
    dto: UpdateCaseDto,
    ip?: string,
    job = 'cases',
  ): Promise<Case> {
    if (dto.assigneeId) await this.assertAssignable(dto.assigneeId);
    return this.repository.transaction(async (client) => {
      const current = await this.lockOne(client, id);
      const plan = planCaseChange(current, dto, new Date(), this.config.slaTargets);
      if (plan.events.length === 0) return current;
      const saved = await this.repository.save(client, id, plan.next);
      await this.repository.addEvents(
        client,
        plan.events.map((event) => ({ caseId: id, ...event, actorId: actor?.id ?? null })),
      );
      // A person's change may start playbooks (a playbook's own changes never do: no loops).
      const events = actor ? plan.events.flatMap((event) => PLAYBOOK_EVENTS[event.type] ?? []) : [];
      if (events.length > 0)
        await this.queue.insertInTransaction(
          client,
          QueueName.CaseChanged,
          events.map((event) => ({ data: { caseId: id, event } })),
        );
      await this.audit.recordWith(client, {
        actor: actor ? userActor(actor) : systemActor(job),
        action: AuditAction.CaseUpdated,
        entityType: 'case',
        entityId: id,
        ip,
        data: { before: plan.before, after: plan.after },
      });
      return saved;
    });
  }

  /** A note on the timeline; closed cases take notes too (the post-mortem). */
  addNote(actor: AuthUser, id: string, note: string, ip?: string): Promise<CaseNote> {
    return this.repository.transaction(async (client) => {
      await this.lockOne(client, id);
      const added = await this.repository.insertNote(client, id, actor.id, note);
      const data = { noteId: added.id, before: null, after: { note } };
      await this.repository.addEvents(client, [
        { caseId: id, type: CaseEventType.NOTE_ADDED, data, actorId: actor.id },
      ]);
      await this.audit.recordWith(client, {
        actor: userActor(actor),
        action: AuditAction.CaseNoteAdded,
        entityType: 'case',
        entityId: id,
        ip,
        data,
      });
      return added;
    });
  }

  /** Links alerts to an open case; ones already in it are left as they are. */
  linkAlerts(
    actor: AuthUser,
    id: string,
    alertIds: string[],
    ip: string | undefined,
    alerts: CaseAlertLinks,
  ): Promise<Case> {
    return this.repository.transaction(async (client) => {
      const current = await this.lockOne(client, id);
      if (current.status === CaseStatus.CLOSED) throw new CaseClosedError('linking alerts');
      const toLink = alertsToLink(await alerts.lockForLink(client, alertIds), alertIds, id);
      const linked = toLink.map((alert) => alert.id);
      if (linked.length === 0) return current;
      await alerts.linkToCase(client, linked, id);
      await this.repository.addEvents(client, linkedEvents(id, linked, actor));
      await this.audit.recordWith(client, {
        actor: userActor(actor),
        action: AuditAction.CaseAlertsLinked,
        entityType: 'case',
        entityId: id,
        ip,
        data: { alertIds: linked, before: { caseId: null }, after: { caseId: id } },
      });
      return current;
    });
  }

  /**
   * Stores the ticket a CREATE_TICKET action opened (key and browse URL) on the case, with its
   * timeline event and audit entry; pass `client` to join the caller's transaction.
   */
  async setTicket(caseId: string, key: string, url: string, client?: PoolClient): Promise<void> {
    const store = async (tx: PoolClient) => {
      const before = await this.repository.setTicket(tx, caseId, key, url);
      if (!before) throw new CaseNotFoundError();
      const data = {
        before: { ticketKey: before.beforeKey, ticketUrl: before.beforeUrl },
        after: { ticketKey: key, ticketUrl: url },
      };
      await this.repository.addEvents(tx, [
        { caseId, type: CaseEventType.TICKET_LINKED, data, actorId: null },
      ]);
      await this.audit.recordWith(tx, {
        actor: systemActor('create-ticket'),
        action: AuditAction.CaseTicketLinked,
        entityType: 'case',
        entityId: caseId,
        data,
      });
    };
    await (client ? store(client) : this.repository.transaction(store));
  }

  private async lockOne(client: PoolClient, id: string): Promise<Case> {
    const [found] = await this.repository.lock(client, [id]);
    if (!found) throw new CaseNotFoundError();
    return found;
  }

  /** Read before the transaction: an assignee must be an active ANALYST, APPROVER or ADMIN. */
  private async assertAssignable(userId: string): Promise<void> {
    const user = await this.users.findActive(userId);
    if (!user || !ANALYST_PLUS.includes(user.role)) throw new CaseAssigneeInvalidError();
  }
}

function linkedEvents(caseId: string, alertIds: string[], actor: AuthUser): NewCaseEvent[] {
  return alertIds.map((alertId) => ({
    caseId,
    type: CaseEventType.ALERT_LINKED,
    data: { alertId, before: { caseId: null }, after: { caseId } },
    actorId: actor.id,
  }));
}
