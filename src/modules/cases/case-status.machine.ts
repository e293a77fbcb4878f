import { CaseStatus } from '../../generated/prisma/enums';
import { CaseTransitionError } from './cases.errors';

/**
 * Where a case may go from each status. Forward moves may skip stages (a case can be
 * contained straight from triage); backward moves are refused, except reopening a closed
 * case, which goes back to IN_TRIAGE.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  [CaseStatus.NEW]: [
    CaseStatus.IN_TRIAGE,
    CaseStatus.INVESTIGATING,
    CaseStatus.CONTAINED,
    CaseStatus.CLOSED,
  ],
  [CaseStatus.IN_TRIAGE]: [CaseStatus.INVESTIGATING, CaseStatus.CONTAINED, CaseStatus.CLOSED],
  [CaseStatus.INVESTIGATING]: [CaseStatus.CONTAINED, CaseStatus.CLOSED],
  [CaseStatus.CONTAINED]: [CaseStatus.CLOSED],
  [CaseStatus.CLOSED]: [CaseStatus.IN_TRIAGE],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export function assertCanMove(from: CaseStatus, to: CaseStatus): void {
  if (!canMove(from, to)) throw new CaseTransitionError(from, to, CASE_TRANSITIONS[from]);
}

export function isReopening(from: CaseStatus, to: CaseStatus): boolean {
  return from === CaseStatus.CLOSED && to !== CaseStatus.CLOSED;
}
