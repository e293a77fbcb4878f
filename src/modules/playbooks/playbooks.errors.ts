import { ErrorKind, ModuleError } from '../../common/errors/module-error';

export class PlaybookNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'PLAYBOOK_NOT_FOUND', 'Playbook not found');
  }
}

export class PlaybookVersionNotFoundError extends ModuleError {
  constructor(version: number) {
    super(ErrorKind.NotFound, 'PLAYBOOK_VERSION_NOT_FOUND', `Playbook has no version ${version}`);
  }
}

/** The messages name each bad path: `steps[2].params.target: required`. */
export class InvalidPlaybookDefinitionError extends ModuleError {
  constructor(problems: string[]) {
    super(ErrorKind.Invalid, 'PLAYBOOK_INVALID', problems.join('; '), { problems });
  }
}

export class PlaybookNameTakenError extends ModuleError {
  constructor(name: string, id: string) {
    super(
      ErrorKind.Conflict,
      'PLAYBOOK_NAME_TAKEN',
      `A playbook named "${name}" exists (id ${id})`,
    );
  }
}

export class PlaybookDeletedError extends ModuleError {
  constructor() {
    super(
      ErrorKind.Conflict,
      'PLAYBOOK_DELETED',
      'The playbook was deleted; its history is read-only',
    );
  }
}

export class InvalidReplayWindowError extends ModuleError {
  constructor(message: string) {
    super(ErrorKind.Invalid, 'PLAYBOOK_REPLAY_WINDOW', message);
  }
}
