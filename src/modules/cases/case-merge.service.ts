import { Injectable } from '@nestjs/common';
import type { PoolClient } from 'pg';
import type { AuthUser } from '../../common/auth/auth-user';
import { AppConfig } from '../../config/app-config';
import type { Case } from '../../generated/prisma/client';
import { CaseEventType, CaseResolution, CaseStatus } from '../../generated/prisma/enums';
import { AuditAction, AuditService, userActor } from '../audit';
import { planCaseChange } from './case-changes';
import { highestSeverity, type CaseActionMover, type CaseAlertLinks } from './case-links';
import { CasesRepository, type NewCaseEvent } from './cases.repository';
import {
  CaseClosedError,
  CaseMergeIntoItselfError,
  CaseMergeSourceClosedError,
  CaseMergeSourcesNotFoundError,
  CaseNotFoundError,
} from './cases.errors';

/** What one merged case handed over. */
interface Moved {
  alertIds: string[];
  noteIds: string[];
  actionIds: string[];
}

/** How a merge reaches the tables of the alerts and actions modules (given by orchestration). */
export interface MergeCollaborators {
  alerts: CaseAlertLinks;
  moveActions: CaseActionMover;
}

/**
 * Folds other cases into one, in a single transaction: their alerts, notes and actions move,
 * each is closed as DUPLICATE with mergedIntoId, the surviving case takes the highest
 * severity, and every move is on both timelines and in the audit log. A failure anywhere
 * rolls the whole merge back.
 */
@Injectable()
export class CaseMergeService {
  constructor(
    private readonly repository: CasesRepository,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  merge(
    actor: AuthUser,
    targetId: string,
    sourceIds: string[],
    ip: string | undefined,
    collaborators: MergeCollaborators,
  ): Promise<Case> {
    if (sourceIds.includes(targetId)) throw new CaseMergeIntoItselfError();
    return this.repository.transaction(async (client) => {
      const { target, sources } = await this.lockAll(client, targetId, sourceIds);
      const now = new Date();
      const events: NewCaseEvent[] = [];
      for (const source of sources) {
        const moved = await this.moveContents(client, source.id, targetId, collaborators);
        const plan = planCaseChange(
          source,
          { status: CaseStatus.CLOSED, resolution: CaseResolution.DUPLICATE },
          now,
          this.config.slaTargets,
        );
        plan.next.mergedIntoId = targetId;
        await this.repository.save(client, source.id, plan.next);
        const before = { status: source.status, resolution: source.resolution };
        const after = { status: CaseStatus.CLOSED, resolution: CaseResolution.DUPLICATE };
        events.push(
          event(
            source.id,
            CaseEventType.MERGED_INTO,
            { intoCaseId: targetId, ...moved, before, after },
            actor,
          ),
          event(targetId, CaseEventType.MERGED_FROM, { fromCaseId: source.id, ...moved }, actor),
        );
        await this.record(client, actor, ip, AuditAction.CaseMerged, source.id, {
          intoCaseId: targetId,
          moved,
          before: { ...before, mergedIntoId: null },
          after: { ...after, mergedIntoId: targetId },
        });
        await this.record(client, actor, ip, AuditAction.CaseMergedFrom, targetId, {
          fromCaseId: source.id,
          moved,
        });
      }
      const merged = await this.raiseSeverity(client, actor, ip, target, sources, now, events);
      await this.repository.addEvents(client, events);
      return merged;
    });
  }

  private async lockAll(
    client: PoolClient,
    targetId: string,
    sourceIds: string[],
  ): Promise<{ target: Case; sources: Case[] }> {
    const locked = await this.repository.lock(client, [targetId, ...sourceIds]);
    const target = locked.find((kase) => kase.id === targetId);
    if (!target) throw new CaseNotFoundError();
    if (target.status === CaseStatus.CLOSED) throw new CaseClosedError('merging into it');
    const sources = sourceIds.map((id) => locked.find((kase) => kase.id === id));
    const missing = sourceIds.filter((_id, index) => !sources[index]);
    if (missing.length > 0) throw new CaseMergeSourcesNotFoundError(missing);
    const closed = (sources as Case[]).filter((kase) => kase.status === CaseStatus.CLOSED);
    if (closed.length > 0) throw new CaseMergeSourceClosedError(closed.map((kase) => kase.id));
    return { target, sources: sources as Case[] };
  }

  private async moveContents(
    client: PoolClient,
    fromCaseId: string,
    toCaseId: string,
    { alerts, moveActions }: MergeCollaborators,
  ): Promise<Moved> {
    return {
      alertIds: await alerts.moveToCase(client, fromCaseId, toCaseId),
      noteIds: await this.repository.moveNotes(client, fromCaseId, toCaseId),
      actionIds: await moveActions(client, fromCaseId, toCaseId),
    };
  }

  /** The surviving case takes the highest severity among the merged ones (SLA follows). */
  private async raiseSeverity(
    client: PoolClient,
    actor: AuthUser,
    ip: string | undefined,
    target: Case,
    sources: Case[],
    now: Date,
    events: NewCaseEvent[],
  ): Promise<Case> {
    const severity = highestSeverity([target.severity, ...sources.map((kase) => kase.severity)]);
    const plan = planCaseChange(target, { severity: severity! }, now, this.config.slaTargets);
    if (plan.events.length === 0) return target;
    const saved = await this.repository.save(client, target.id, plan.next);
    events.push(
      ...plan.events.map((planned) => ({ caseId: target.id, ...planned, actorId: actor.id })),
    );
    await this.record(client, actor, ip, AuditAction.CaseUpdated, target.id, {
      before: plan.before,
      after: plan.after,
      reason: 'merge',
    });
    return saved;
  }

  private record(
    client: PoolClient,
    actor: AuthUser,
    ip: string | undefined,
    action: AuditAction,
    caseId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.recordWith(client, {
      actor: userActor(actor),
      action,
      entityType: 'case',
      entityId: caseId,
      ip,
      data,
    });
  }
}

function event(
  caseId: string,
  type: CaseEventType,
  data: Record<string, unknown>,
  actor: AuthUser,
): NewCaseEvent {
  return { caseId, type, data, actorId: actor.id };
}
