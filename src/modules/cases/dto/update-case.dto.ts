import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsOptionalDefined, IsOptionalNullable } from '../../../common/validation/optional';
import { CaseResolution, CaseStatus, Severity } from '../../../generated/prisma/enums';
import { MAX_TEXT, MAX_TITLE, SEVERITY_MESSAGE } from './create-case.dto';

export class UpdateCaseDto {
  @ApiPropertyOptional({
    enum: CaseStatus,
    description:
      'NEW -> IN_TRIAGE -> INVESTIGATING -> CONTAINED -> CLOSED; forward moves may skip stages, ' +
      'any open case may close, CLOSED reopens to IN_TRIAGE; anything else is 409',
  })
  @IsOptionalDefined()
  @IsEnum(CaseStatus, { message: `status must be one of ${Object.values(CaseStatus).join(', ')}` })
  status?: CaseStatus;

  @ApiPropertyOptional({ enum: Severity, description: 'Recomputes ackDueAt and dueAt' })
  @IsOptionalDefined()
  @IsEnum(Severity, { message: SEVERITY_MESSAGE })
  severity?: Severity;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'An active ANALYST, APPROVER or ADMIN (400 otherwise); null unassigns',
  })
  @IsOptionalNullable()
  @IsUUID('all', { message: 'assigneeId must be a UUID or null' })
  assigneeId?: string | null;

  @ApiPropertyOptional({ maxLength: MAX_TITLE })
  @IsOptionalDefined()
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_TITLE)
  title?: string;

  @ApiPropertyOptional({ maxLength: MAX_TEXT, nullable: true, description: 'null clears it' })
  @IsOptionalNullable()
  @IsString()
  @MaxLength(MAX_TEXT)
  description?: string | null;

  @ApiPropertyOptional({
    enum: CaseResolution,
    description: 'Required with status CLOSED (400 without); may reclassify a closed case',
  })
  @IsOptionalDefined()
  @IsEnum(CaseResolution, {
    message: `resolution must be one of ${Object.values(CaseResolution).join(', ')}`,
  })
  resolution?: CaseResolution;

  @ApiPropertyOptional({ maxLength: MAX_TEXT, description: 'Only on a closed or closing case' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(MAX_TEXT)
  resolutionNote?: string;
}
