import type { SlaTargets } from '../../config/sla-targets';
import type { Severity } from '../../generated/prisma/enums';

export interface SlaDueDates {
  ackDueAt: Date;
  dueAt: Date;
}

/** The deadlines of a case of this severity: its clock starts when the case is opened. */
export function slaDueDates(targets: SlaTargets, severity: Severity, createdAt: Date): SlaDueDates {
  const target = targets[severity];
  return {
    ackDueAt: new Date(createdAt.getTime() + target.acknowledgeSeconds * 1000),
    dueAt: new Date(createdAt.getTime() + target.resolveSeconds * 1000),
  };
}

/** The two targets as query parameters, for the SQL that computes them from created_at. */
export function slaSeconds(targets: SlaTargets, severity: Severity): [number, number] {
  const target = targets[severity];
  return [target.acknowledgeSeconds, target.resolveSeconds];
}
