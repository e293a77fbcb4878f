import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDateString, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOptionalDefined } from '../../../common/validation/optional';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import { CaseStatus, Severity } from '../../../generated/prisma/enums';
import { SEVERITY_MESSAGE } from './create-case.dto';

const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.toUpperCase() : value;

export class CaseQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: CaseStatus })
  @IsOptionalDefined()
  @Transform(upper)
  @IsEnum(CaseStatus, { message: `status must be one of ${Object.values(CaseStatus).join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: Severity })
  @IsOptionalDefined()
  @Transform(upper)
  @IsEnum(Severity, { message: SEVERITY_MESSAGE })
  severity?: Severity;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalDefined()
  @IsUUID('all', { message: 'assigneeId must be a UUID' })
  assigneeId?: string;

  @ApiPropertyOptional({ description: 'Text in the title or description (case-insensitive)' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Opened at or after' })
  @IsOptionalDefined()
  @IsDateString({}, { message: 'from must be an ISO-8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Opened at or before' })
  @IsOptionalDefined()
  @IsDateString({}, { message: 'to must be an ISO-8601 date-time' })
  to?: string;
}
