import type { PoolClient } from 'pg';
import { Severity } from '../../generated/prisma/enums';
import { CaseAlertInOtherCaseError, CaseAlertsNotFoundError } from './cases.errors';

/** An alert as linking sees it. */
export interface LinkableAlert {
  id: string;
  caseId: string | null;
  severity: Severity | null;
}

/**
 * The alerts side of putting alerts in a case. The alerts module owns that table, so the
 * orchestration layer hands its repository in; every call runs in the caller's transaction.
 */
export interface CaseAlertLinks {
  /** The alerts that exist among `alertIds`, locked. */
  lockForLink(client: PoolClient, alertIds: string[]): Promise<LinkableAlert[]>;
  linkToCase(client: PoolClient, alertIds: string[], caseId: string): Promise<void>;
  /** Moves every alert of one case to another, returning the ids moved. */
  moveToCase(client: PoolClient, fromCaseId: string, toCaseId: string): Promise<string[]>;
}

/** Moves the actions of one case to another in the caller's transaction (the actions module). */
export type CaseActionMover = (
  client: PoolClient,
  fromCaseId: string,
  toCaseId: string,
) => Promise<string[]>;

const SEVERITY_ORDER = Object.values(Severity);

/**
 * The alerts among `wanted` still to link to `caseId`: unknown ids are a bad request, an alert
 * in another case a conflict (merging is how cases are combined); ones already here are skipped.
 */
export function alertsToLink(
  found: LinkableAlert[],
  wanted: string[],
  caseId: string | null,
): LinkableAlert[] {
  const byId = new Map(found.map((alert) => [alert.id, alert]));
  const missing = wanted.filter((id) => !byId.has(id));
  if (missing.length > 0) throw new CaseAlertsNotFoundError(missing);
  const elsewhere = found.find((alert) => alert.caseId !== null && alert.caseId !== caseId);
  if (elsewhere) throw new CaseAlertInOtherCaseError(elsewhere.id, elsewhere.caseId!);
  return found.filter((alert) => alert.caseId === null);
}

export function highestSeverity(severities: (Severity | null)[]): Severity | null {
  return severities.reduce<Severity | null>(
    (highest, severity) =>
      severity && (!highest || SEVERITY_ORDER.indexOf(severity) > SEVERITY_ORDER.indexOf(highest))
        ? severity
        : highest,
    null,
  );
}
