import { ErrorKind, ModuleError } from '../../common/errors/module-error';

export class AllowlistEntryNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'ALLOWLIST_ENTRY_NOT_FOUND', 'Allowlist entry not found');
  }
}

export class AllowlistEntryExistsError extends ModuleError {
  constructor(type: string, value: string, id: string) {
    super(
      ErrorKind.Conflict,
      'ALLOWLIST_ENTRY_EXISTS',
      `${type} ${value} is already allow-listed (id ${id})`,
    );
  }
}

/** A value that cannot be allow-listed as its type (a /4 range, a hostname with spaces). */
export class AllowlistValueError extends ModuleError {
  constructor(message: string) {
    super(ErrorKind.Invalid, 'ALLOWLIST_INVALID_VALUE', message);
  }
}
