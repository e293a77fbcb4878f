import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsString, MaxLength } from 'class-validator';
import { AlertStatus } from '../../../generated/prisma/enums';
import { IsOptionalDefined } from '../../../common/validation/optional';

export class UpdateAlertDto {
  @ApiProperty({ enum: AlertStatus })
  @IsEnum(AlertStatus, {
    message: `status must be one of ${Object.values(AlertStatus).join(', ')}`,
  })
  status!: AlertStatus;

  @ApiPropertyOptional({ description: 'Why (kept with the alert and in the audit log)' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
