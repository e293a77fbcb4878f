import { CaseStatus } from '../../generated/prisma/enums';
import { assertCanMove, canMove, CASE_TRANSITIONS, isReopening } from './case-status.machine';
import { CaseTransitionError } from './cases.errors';

const { NEW, IN_TRIAGE, INVESTIGATING, CONTAINED, CLOSED } = CaseStatus;

describe('case status machine', () => {
  it.each([
    [NEW, IN_TRIAGE],
    [IN_TRIAGE, INVESTIGATING],
    [INVESTIGATING, CONTAINED],
    [CONTAINED, CLOSED],
    [NEW, INVESTIGATING],
    [NEW, CONTAINED],
    [IN_TRIAGE, CONTAINED],
    [NEW, CLOSED],
    [IN_TRIAGE, CLOSED],
    [INVESTIGATING, CLOSED],
    [CLOSED, IN_TRIAGE],
  ])('allows %s -> %s', (from, to) => {
    expect(canMove(from, to)).toBe(true);
    expect(() => assertCanMove(from, to)).not.toThrow();
  });

  it.each([
    [IN_TRIAGE, NEW],
    [INVESTIGATING, IN_TRIAGE],
    [CONTAINED, INVESTIGATING],
    [CONTAINED, NEW],
    [CLOSED, NEW],
    [CLOSED, INVESTIGATING],
    [CLOSED, CONTAINED],
  ])('refuses %s -> %s with a message naming both', (from, to) => {
    expect(canMove(from, to)).toBe(false);
    expect(() => assertCanMove(from, to)).toThrow(CaseTransitionError);
    expect(() => assertCanMove(from, to)).toThrow(`cannot move from ${from} to ${to}`);
  });

  it('never lists a status as a move to itself', () => {
    for (const [from, targets] of Object.entries(CASE_TRANSITIONS))
      expect(targets).not.toContain(from);
  });

  it('calls leaving CLOSED a reopening', () => {
    expect(isReopening(CLOSED, IN_TRIAGE)).toBe(true);
    expect(isReopening(CONTAINED, CLOSED)).toBe(false);
  });
});
