import type { SlaTargets } from '../../config/sla-targets';
import type { Case } from '../../generated/prisma/client';
import {
  CaseEventType,
  CaseStatus,
  type CaseResolution,
  type Severity,
} from '../../generated/prisma/enums';
import { assertCanMove, isReopening } from './case-status.machine';
import { slaDueDates } from './case-sla';
import { CaseResolutionNotClosingError, CaseResolutionRequiredError } from './cases.errors';

/** What PATCH /cases/:id asks for; undefined leaves a field alone, null clears it. */
export interface CaseChange {
  status?: CaseStatus;
  severity?: Severity;
  assigneeId?: string | null;
  title?: string;
  description?: string | null;
  resolution?: CaseResolution;
  resolutionNote?: string;
}

/** The columns a change may touch. */
export type MutableCase = Pick<
  Case,
  | 'title'
  | 'description'
  | 'status'
  | 'severity'
  | 'assigneeId'
  | 'resolution'
  | 'resolutionNote'
  | 'mergedIntoId'
  | 'acknowledgedAt'
  | 'containedAt'
  | 'closedAt'
  | 'ackDueAt'
  | 'dueAt'
>;

type Field = keyof MutableCase;
type Snapshot = Partial<Record<Field, unknown>>;

export interface PlannedEvent {
  type: CaseEventType;
  data: { before: Snapshot; after: Snapshot };
}

export interface CasePlan {
  next: MutableCase;
  /** One timeline event per kind of change, each with the fields it changed. */
  events: PlannedEvent[];
  /** Every changed field, for the audit entry; empty when nothing changes. */
  before: Snapshot;
  after: Snapshot;
}

/** Which timeline event reports which fields (acknowledgedAt goes with what set it). */
const EVENT_FIELDS: [CaseEventType, Field[]][] = [
  [
    CaseEventType.STATUS_CHANGED,
    ['status', 'resolution', 'resolutionNote', 'closedAt', 'containedAt', 'mergedIntoId'],
  ],
  [CaseEventType.SEVERITY_CHANGED, ['severity', 'ackDueAt', 'dueAt']],
  [CaseEventType.ASSIGNED, ['assigneeId']],
  [CaseEventType.UPDATED, ['title', 'description']],
];

/**
 * Works out the next state of a case, with its SLA clock fields, and the timeline events that
 * tell the change. Pure: the caller has locked the row and checked the assignee.
 */
export function planCaseChange(
  current: MutableCase & { createdAt: Date },
  change: CaseChange,
  now: Date,
  sla: SlaTargets,
): CasePlan {
  const next: MutableCase = { ...current };
  const status = change.status ?? current.status;
  if (status !== current.status) moveStatus(next, current.status, status, now);
  classify(next, change, status !== current.status);
  if (change.severity && change.severity !== current.severity) {
    next.severity = change.severity;
    Object.assign(next, slaDueDates(sla, change.severity, current.createdAt));
  }
  if (change.assigneeId !== undefined) {
    next.assigneeId = change.assigneeId;
    if (change.assigneeId && change.assigneeId !== current.assigneeId) next.acknowledgedAt ??= now;
  }
  if (change.title !== undefined) next.title = change.title;
  if (change.description !== undefined) next.description = change.description;
  return describe(current, next);
}

function moveStatus(next: MutableCase, from: CaseStatus, to: CaseStatus, now: Date): void {
  assertCanMove(from, to);
  next.status = to;
  if (from === CaseStatus.NEW) next.acknowledgedAt ??= now;
  if (to === CaseStatus.CONTAINED) next.containedAt ??= now;
  if (to === CaseStatus.CLOSED) next.closedAt = now;
  if (isReopening(from, to)) {
    next.closedAt = null;
    next.resolution = null;
    next.resolutionNote = null;
    next.mergedIntoId = null;
  }
}

/** Closing needs a resolution; a closed case may be reclassified; an open one has none. */
function classify(next: MutableCase, change: CaseChange, moved: boolean): void {
  const classifying = change.resolution !== undefined || change.resolutionNote !== undefined;
  if (next.status !== CaseStatus.CLOSED) {
    if (classifying) throw new CaseResolutionNotClosingError();
    return;
  }
  if (moved && !change.resolution) throw new CaseResolutionRequiredError();
  if (change.resolution) {
    next.resolution = change.resolution;
    next.resolutionNote = change.resolutionNote ?? (moved ? null : next.resolutionNote);
  } else if (change.resolutionNote !== undefined) next.resolutionNote = change.resolutionNote;
}

function describe(current: MutableCase, next: MutableCase): CasePlan {
  const changed = (Object.keys(next) as Field[]).filter(
    (field) => !same(current[field], next[field]),
  );
  const acknowledgedBy = changed.includes('status')
    ? CaseEventType.STATUS_CHANGED
    : CaseEventType.ASSIGNED;
  const events: PlannedEvent[] = [];
  for (const [type, fields] of EVENT_FIELDS) {
    const own = fields.filter((field) => changed.includes(field));
    if (own.length === 0) continue;
    if (type === acknowledgedBy && changed.includes('acknowledgedAt')) own.push('acknowledgedAt');
    events.push({ type, data: snapshots(current, next, own) });
  }
  return { next, events, ...snapshots(current, next, changed) };
}

function snapshots(
  current: MutableCase,
  next: MutableCase,
  fields: Field[],
): { before: Snapshot; after: Snapshot } {
  return {
    before: Object.fromEntries(fields.map((field) => [field, current[field]])),
    after: Object.fromEntries(fields.map((field) => [field, next[field]])),
  };
}

function same(a: unknown, b: unknown): boolean {
  return a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b;
}
