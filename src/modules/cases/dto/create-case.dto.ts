import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';
import { IsOptionalDefined } from '../../../common/validation/optional';
import { Severity } from '../../../generated/prisma/enums';

export const SEVERITY_MESSAGE = `severity must be one of ${Object.values(Severity).join(', ')}`;
export const MAX_TITLE = 300;
export const MAX_TEXT = 20_000;
/** Alert or case ids one request may name. */
export const MAX_IDS = 500;

export class CreateCaseDto {
  @ApiProperty({ example: 'Credential stuffing against vpn-gw-1', maxLength: MAX_TITLE })
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TITLE)
  title!: string;

  @ApiPropertyOptional({ maxLength: MAX_TEXT })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string;

  @ApiPropertyOptional({
    enum: Severity,
    description: 'Default: the highest severity of the linked alerts, else MEDIUM',
  })
  @IsOptionalDefined()
  @IsEnum(Severity, { message: SEVERITY_MESSAGE })
  severity?: Severity;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    isArray: true,
    maxItems: MAX_IDS,
    description: 'Alerts to put in the case (each must exist and be in no other case)',
  })
  @IsOptionalDefined()
  @IsArray()
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique({ message: 'alertIds must not repeat an id' })
  @IsUUID('all', { each: true, message: 'each alertIds entry must be a UUID' })
  alertIds?: string[];
}
