import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsUUID } from 'class-validator';
import { IsOptionalDefined } from '../../../common/validation/optional';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import { ActionStatus, ActionType } from '../../../generated/prisma/enums';
import { ACTION_TYPE_MESSAGE } from './request-action.dto';

export class ActionQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: ActionStatus })
  @IsOptionalDefined()
  @IsEnum(ActionStatus, {
    message: `status must be one of ${Object.values(ActionStatus).join(', ')}`,
  })
  status?: ActionStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptionalDefined()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ enum: ActionType })
  @IsOptionalDefined()
  @IsEnum(ActionType, { message: ACTION_TYPE_MESSAGE })
  actionType?: ActionType;
}
