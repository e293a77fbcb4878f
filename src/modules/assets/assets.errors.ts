import { ErrorKind, ModuleError } from '../../common/errors/module-error';

export class AssetNotFoundError extends ModuleError {
  constructor() {
    super(ErrorKind.NotFound, 'ASSET_NOT_FOUND', 'Asset not found');
  }
}

export class AssetHostnameTakenError extends ModuleError {
  constructor(hostname: string, id: string) {
    super(
      ErrorKind.Conflict,
      'ASSET_HOSTNAME_TAKEN',
      `An asset named ${hostname} already exists (id ${id})`,
    );
  }
}
