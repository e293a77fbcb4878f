import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import type { JsonObject } from '../../common/types/json';
import { IsOptionalDefined } from '../../common/validation/optional';

export class AlertActionDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { target: '203.0.113.66', durationSeconds: 3600, reason: 'C2 callbacks' },
    description:
      '`target` defaults to what the alert names (srcIp for block_ip, username for disable_user, ' +
      'hostname for isolate_host); `reason` becomes the request reason; the rest are the action params',
  })
  @IsOptionalDefined()
  @IsObject()
  parameters?: JsonObject;
}
