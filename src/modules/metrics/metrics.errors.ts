import { ErrorKind, ModuleError } from '../../common/errors/module-error';

export class MetricsWindowInvalidError extends ModuleError {
  constructor(reason: string) {
    super(ErrorKind.Invalid, 'METRICS_WINDOW_INVALID', `Invalid time window: ${reason}`);
  }
}
