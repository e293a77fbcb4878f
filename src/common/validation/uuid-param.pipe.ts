import { ParseUUIDPipe } from '@nestjs/common';

/** A path id that must be a UUID (400 otherwise, before any lookup). */
export const UuidParam = new ParseUUIDPipe({ errorHttpStatusCode: 400 });
