import { ActionStatus, ActionType } from '../../generated/prisma/enums';
import { ActionCommand, assertCan, initialStatus, requiresApproval } from './action-status.machine';
import { ActionStateConflictError } from './actions.errors';

const { REQUESTED, APPROVED, REJECTED, EXPIRED, EXECUTING, EXECUTED, FAILED } = ActionStatus;

describe('action status machine', () => {
  it.each([
    [ActionCommand.Approve, REQUESTED],
    [ActionCommand.Reject, REQUESTED],
    [ActionCommand.Execute, APPROVED],
    [ActionCommand.Retry, FAILED],
    [ActionCommand.Expire, REQUESTED],
    [ActionCommand.Expire, APPROVED],
    [ActionCommand.Finish, EXECUTING],
  ])('allows %s from %s', (command, status) =>
    expect(() => assertCan(command, status)).not.toThrow(),
  );

  it.each([
    [ActionCommand.Approve, APPROVED],
    [ActionCommand.Reject, APPROVED],
    [ActionCommand.Execute, REQUESTED],
    [ActionCommand.Execute, EXECUTING],
    [ActionCommand.Execute, EXECUTED],
    [ActionCommand.Retry, EXECUTED],
    [ActionCommand.Expire, EXECUTING],
    [ActionCommand.Finish, FAILED],
  ])('refuses %s from %s with a 409 naming the needed status', (command, status) => {
    expect(() => assertCan(command, status)).toThrow(ActionStateConflictError);
    expect(() => assertCan(command, status)).toThrow(`Action is ${status}; this needs`);
  });

  it('ends in EXECUTED, REJECTED and EXPIRED: no command starts there', () => {
    for (const end of [EXECUTED, REJECTED, EXPIRED])
      for (const command of Object.values(ActionCommand))
        expect(() => assertCan(command, end)).toThrow(ActionStateConflictError);
  });

  it('puts a person before every containment action, never before a notification', () => {
    for (const type of [
      ActionType.BLOCK_IP,
      ActionType.DISABLE_USER,
      ActionType.ISOLATE_HOST,
      ActionType.UNBLOCK_IP,
    ]) {
      expect(requiresApproval(type)).toBe(true);
      expect(initialStatus(type)).toBe(REQUESTED);
    }
    for (const type of [
      ActionType.NOTIFY_SLACK,
      ActionType.NOTIFY_TEAMS,
      ActionType.NOTIFY_EMAIL,
      ActionType.CREATE_TICKET,
    ]) {
      expect(requiresApproval(type)).toBe(false);
      expect(initialStatus(type)).toBe(EXECUTING);
    }
  });
});
