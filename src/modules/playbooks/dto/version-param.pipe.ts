import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

const MAX_VERSION = 2_147_483_647;

/** A version number in the path: a positive integer the database column can hold. */
@Injectable()
export class VersionParamPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    const version = /^\d{1,10}$/.test(value) ? Number(value) : NaN;
    if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
      throw new BadRequestException(`version must be an integer from 1 to ${MAX_VERSION}`);
    }
    return version;
  }
}
