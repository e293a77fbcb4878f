import { parseSlaTargets } from '../../config/sla-targets';
import { CaseEventType, CaseResolution, CaseStatus, Severity } from '../../generated/prisma/enums';
import { planCaseChange, type MutableCase } from './case-changes';
import {
  CaseResolutionNotClosingError,
  CaseResolutionRequiredError,
  CaseTransitionError,
} from './cases.errors';

const SLA = parseSlaTargets(undefined);
const CREATED = new Date('2026-01-01T00:00:00.000Z');
const NOW = new Date('2026-01-01T02:00:00.000Z');
const ANALYST = '11111111-1111-4111-8111-111111111111';

function aCase(overrides: Partial<MutableCase> = {}): MutableCase & { createdAt: Date } {
  return {
    title: 'Brute force on vpn-1',
    description: null,
    status: CaseStatus.NEW,
    severity: Severity.HIGH,
    assigneeId: null,
    resolution: null,
    resolutionNote: null,
    mergedIntoId: null,
    acknowledgedAt: null,
    containedAt: null,
    closedAt: null,
    ackDueAt: new Date('2026-01-01T01:00:00.000Z'),
    dueAt: new Date('2026-01-02T00:00:00.000Z'),
    createdAt: CREATED,
    ...overrides,
  };
}

describe(planCaseChange.name, () => {
  it('acknowledges on the first move out of NEW, and tells it on the status event', () => {
    const plan = planCaseChange(aCase(), { status: CaseStatus.IN_TRIAGE }, NOW, SLA);
    expect(plan.next).toMatchObject({ status: CaseStatus.IN_TRIAGE, acknowledgedAt: NOW });
    expect(plan.events).toEqual([
      {
        type: CaseEventType.STATUS_CHANGED,
        data: {
          before: { status: CaseStatus.NEW, acknowledgedAt: null },
          after: { status: CaseStatus.IN_TRIAGE, acknowledgedAt: NOW },
        },
      },
    ]);
  });

  it('acknowledges on the first assignment, and keeps the first acknowledgement after', () => {
    const assigned = planCaseChange(aCase(), { assigneeId: ANALYST }, NOW, SLA);
    expect(assigned.next.acknowledgedAt).toEqual(NOW);
    expect(assigned.events[0]).toEqual({
      type: CaseEventType.ASSIGNED,
      data: {
        before: { assigneeId: null, acknowledgedAt: null },
        after: { assigneeId: ANALYST, acknowledgedAt: NOW },
      },
    });
    const earlier = new Date('2026-01-01T00:30:00.000Z');
    const later = planCaseChange(
      aCase({ status: CaseStatus.IN_TRIAGE, acknowledgedAt: earlier }),
      { status: CaseStatus.CONTAINED },
      NOW,
      SLA,
    );
    expect(later.next).toMatchObject({ acknowledgedAt: earlier, containedAt: NOW });
  });

  it('unassigns with null without touching the acknowledgement', () => {
    const plan = planCaseChange(
      aCase({ assigneeId: ANALYST, acknowledgedAt: CREATED }),
      { assigneeId: null },
      NOW,
      SLA,
    );
    expect(plan.next).toMatchObject({ assigneeId: null, acknowledgedAt: CREATED });
    expect(plan.after).toEqual({ assigneeId: null });
  });

  it('refuses an illegal move with 409 naming from and to', () => {
    const attempt = () =>
      planCaseChange(aCase({ status: CaseStatus.CONTAINED }), { status: CaseStatus.NEW }, NOW, SLA);
    expect(attempt).toThrow(CaseTransitionError);
    expect(attempt).toThrow('from CONTAINED to NEW');
  });

  it('needs a resolution to close, and stores it with its note', () => {
    expect(() => planCaseChange(aCase(), { status: CaseStatus.CLOSED }, NOW, SLA)).toThrow(
      CaseResolutionRequiredError,
    );
    const plan = planCaseChange(
      aCase(),
      {
        status: CaseStatus.CLOSED,
        resolution: CaseResolution.FALSE_POSITIVE,
        resolutionNote: 'scanner',
      },
      NOW,
      SLA,
    );
    expect(plan.next).toMatchObject({
      status: CaseStatus.CLOSED,
      resolution: CaseResolution.FALSE_POSITIVE,
      resolutionNote: 'scanner',
      closedAt: NOW,
      acknowledgedAt: NOW,
    });
  });

  it('refuses a resolution on a case that stays open', () => {
    expect(() => planCaseChange(aCase(), { resolution: CaseResolution.BENIGN }, NOW, SLA)).toThrow(
      CaseResolutionNotClosingError,
    );
    expect(() =>
      planCaseChange(aCase(), { status: CaseStatus.IN_TRIAGE, resolutionNote: 'x' }, NOW, SLA),
    ).toThrow(CaseResolutionNotClosingError);
  });

  it('reopens to IN_TRIAGE clearing closedAt, resolution and the merge link', () => {
    const closed = aCase({
      status: CaseStatus.CLOSED,
      resolution: CaseResolution.DUPLICATE,
      resolutionNote: 'same incident',
      mergedIntoId: ANALYST,
      closedAt: CREATED,
      acknowledgedAt: CREATED,
    });
    const plan = planCaseChange(closed, { status: CaseStatus.IN_TRIAGE }, NOW, SLA);
    expect(plan.next).toMatchObject({
      status: CaseStatus.IN_TRIAGE,
      resolution: null,
      resolutionNote: null,
      mergedIntoId: null,
      closedAt: null,
      acknowledgedAt: CREATED,
    });
    expect(plan.events[0].data.before).toMatchObject({ resolution: CaseResolution.DUPLICATE });
  });

  it('reclassifies a closed case without moving it', () => {
    const closed = aCase({
      status: CaseStatus.CLOSED,
      resolution: CaseResolution.BENIGN,
      resolutionNote: 'kept',
      closedAt: CREATED,
    });
    const plan = planCaseChange(closed, { resolution: CaseResolution.TRUE_POSITIVE }, NOW, SLA);
    expect(plan.next).toMatchObject({
      resolution: CaseResolution.TRUE_POSITIVE,
      resolutionNote: 'kept',
      closedAt: CREATED,
    });
  });

  it('recomputes both SLA deadlines from createdAt when the severity changes', () => {
    const plan = planCaseChange(aCase(), { severity: Severity.CRITICAL }, NOW, SLA);
    expect(plan.next).toMatchObject({
      severity: Severity.CRITICAL,
      ackDueAt: new Date('2026-01-01T00:15:00.000Z'),
      dueAt: new Date('2026-01-01T04:00:00.000Z'),
    });
    expect(plan.events.map((event) => event.type)).toEqual([CaseEventType.SEVERITY_CHANGED]);
  });

  it('tells each kind of change in its own event and all of them in before/after', () => {
    const plan = planCaseChange(
      aCase(),
      { title: 'Renamed', description: 'more', severity: Severity.LOW, assigneeId: ANALYST },
      NOW,
      SLA,
    );
    expect(plan.events.map((event) => event.type)).toEqual([
      CaseEventType.SEVERITY_CHANGED,
      CaseEventType.ASSIGNED,
      CaseEventType.UPDATED,
    ]);
    expect(Object.keys(plan.after).sort()).toEqual(
      [
        'ackDueAt',
        'acknowledgedAt',
        'assigneeId',
        'description',
        'dueAt',
        'severity',
        'title',
      ].sort(),
    );
  });

  it('changes nothing when the request repeats the current values', () => {
    const plan = planCaseChange(
      aCase(),
      { status: CaseStatus.NEW, severity: Severity.HIGH, title: 'Brute force on vpn-1' },
      NOW,
      SLA,
    );
    expect(plan.events).toEqual([]);
    expect(plan.after).toEqual({});
  });
});
