import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsOptional, IsString, MaxLength } from 'class-validator';
import { AlertStatus } from '../../../generated/prisma/enums';

export class UpdateAlertDto {
  @ApiProperty({ enum: AlertStatus })
  @IsEnum(AlertStatus, {
    message: `status must be one of ${Object.values(AlertStatus).join(', ')}`,
  })
  status!: AlertStatus;

  @ApiPropertyOptional({ description: 'Why (kept with the alert and in the audit log)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
