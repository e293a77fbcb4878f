import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalDefined } from './optional';

export const MAX_LIMIT = 100;
/** Keeps the row offset ((page - 1) * limit) within a 32-bit integer for every query. */
export const MAX_PAGE = 10_000_000;

export class PaginationQueryDto {
  @ApiPropertyOptional({ type: Number, default: 1, minimum: 1, maximum: MAX_PAGE })
  @IsOptionalDefined()
  @Type(() => Number)
  @IsInt({ message: 'page must be an integer' })
  @Min(1, { message: 'page must be at least 1' })
  @Max(MAX_PAGE, { message: `page must not be greater than ${MAX_PAGE}` })
  page = 1;

  @ApiPropertyOptional({ type: Number, default: 20, minimum: 1, maximum: MAX_LIMIT })
  @IsOptionalDefined()
  @Type(() => Number)
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_LIMIT, { message: `limit must not be greater than ${MAX_LIMIT}` })
  limit = 20;

  get skip(): number {
    return (this.page - 1) * this.limit;
  }
}

export interface Page<T> {
  page: number;
  limit: number;
  total: number;
  items: T[];
}

export function toPage<T>(query: PaginationQueryDto, total: number, items: T[]): Page<T> {
  return { page: query.page, limit: query.limit, total, items };
}
