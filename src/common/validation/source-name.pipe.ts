import { BadRequestException, type PipeTransform } from '@nestjs/common';

export const SOURCE_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
export const SOURCE_NAME_MESSAGE = 'source must be 1-64 letters, digits, _ . -';

/** An optional `?source=` on the hot ingestion path, checked without a DTO round trip. */
export class SourceNamePipe implements PipeTransform<unknown, string | undefined> {
  transform(value: unknown): string | undefined {
    if (value === undefined || value === '') return undefined;
    if (typeof value !== 'string' || !SOURCE_NAME.test(value))
      throw new BadRequestException(SOURCE_NAME_MESSAGE);
    return value;
  }
}
