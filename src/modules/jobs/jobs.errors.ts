import { ErrorKind, ModuleError } from '../../common/errors/module-error';

export class JobNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'JOB_NOT_FOUND', 'Job not found');
  }
}

export class JobNotRetryableError extends ModuleError {
  constructor(state: string) {
    super(
      ErrorKind.Conflict,
      'JOB_NOT_RETRYABLE',
      `Only failed jobs can be retried; this one is ${state}`,
    );
  }
}
