import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsString, IsUUID, MaxLength } from 'class-validator';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import { IsOptionalDefined } from '../../../common/validation/optional';
import { AUDIT_ACTOR_TYPES, type AuditActorType } from '../audit-actor';

export class AuditQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ example: 'user' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptionalDefined()
  @IsString()
  @MaxLength(128)
  entityId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalDefined()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTOR_TYPES })
  @IsOptionalDefined()
  @IsIn(AUDIT_ACTOR_TYPES)
  actorType?: AuditActorType;

  @ApiPropertyOptional({ example: 'auth.login_failed' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(64)
  action?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptionalDefined()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time' })
  @IsOptionalDefined()
  @IsDateString()
  to?: string;
}
