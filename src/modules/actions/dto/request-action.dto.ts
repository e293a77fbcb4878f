import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsNotEmpty, IsObject, IsString, MaxLength } from 'class-validator';
import type { JsonObject } from '../../../common/types/json';
import { IsOptionalDefined } from '../../../common/validation/optional';
import { ActionType } from '../../../generated/prisma/enums';

export const ACTION_TYPE_MESSAGE = `actionType must be one of ${Object.values(ActionType).join(', ')}`;

export class RequestActionDto {
  @ApiProperty({ enum: ActionType, example: ActionType.BLOCK_IP })
  @IsEnum(ActionType, { message: ACTION_TYPE_MESSAGE })
  actionType!: ActionType;

  @ApiProperty({
    example: '203.0.113.66',
    description:
      'BLOCK_IP/UNBLOCK_IP: an IP or CIDR (at most BLOCK_MAX_PREFIX_V4/_V6 wide); DISABLE_USER: ' +
      'sAMAccountName or UPN; ISOLATE_HOST: host name; NOTIFY_EMAIL: email address; ' +
      'NOTIFY_SLACK: #channel or channel id; CREATE_TICKET: Jira project key; NOTIFY_TEAMS: a short label',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(320)
  target!: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { durationSeconds: 3600 },
    description: 'BLOCK_IP: durationSeconds lifts the block after that long (the system unblocks)',
  })
  @IsOptionalDefined()
  @IsObject()
  params?: JsonObject;

  @ApiPropertyOptional({ example: 'C2 callbacks from this address' })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
