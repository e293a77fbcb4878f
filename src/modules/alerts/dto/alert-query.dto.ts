import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsEnum, IsString, IsUUID, MaxLength } from 'class-validator';
import { AlertStatus, Severity } from '../../../generated/prisma/enums';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import { IsOptionalDefined } from '../../../common/validation/optional';

const upper = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.toUpperCase() : value;
const trimmedLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;

export class AlertQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: AlertStatus })
  @IsOptionalDefined()
  @Transform(upper)
  @IsEnum(AlertStatus, {
    message: `status must be one of ${Object.values(AlertStatus).join(', ')}`,
  })
  status?: AlertStatus;

  @ApiPropertyOptional({ enum: Severity })
  @IsOptionalDefined()
  @Transform(upper)
  @IsEnum(Severity, { message: `severity must be one of ${Object.values(Severity).join(', ')}` })
  severity?: Severity;

  @ApiPropertyOptional({ example: 'wazuh' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(64)
  source?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Received at or after' })
  @IsOptionalDefined()
  @IsDateString({}, { message: 'from must be an ISO-8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Received at or before' })
  @IsOptionalDefined()
  @IsDateString({}, { message: 'to must be an ISO-8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ description: 'An IPv4 or IPv6 address seen in the alert' })
  @IsOptionalDefined()
  @Transform(trimmedLower)
  @IsString()
  @MaxLength(64)
  ip?: string;

  @ApiPropertyOptional({ description: 'A domain seen in the alert' })
  @IsOptionalDefined()
  @Transform(trimmedLower)
  @IsString()
  @MaxLength(255)
  domain?: string;

  @ApiPropertyOptional({ description: 'An MD5, SHA-1 or SHA-256 seen in the alert' })
  @IsOptionalDefined()
  @Transform(trimmedLower)
  @IsString()
  @MaxLength(64)
  hash?: string;

  @ApiPropertyOptional({ description: 'A URL seen in the alert' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ description: 'Text in the title (case-insensitive)' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalDefined()
  @IsUUID()
  caseId?: string;

  @ApiPropertyOptional({
    description: 'Also list repeats folded into an earlier alert',
    default: false,
  })
  @IsOptionalDefined()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean()
  includeDuplicates?: boolean;
}
