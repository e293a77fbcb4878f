import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsObject } from 'class-validator';
import type { JsonObject } from '../../../common/types/json';
import { IsOptionalDefined } from '../../../common/validation/optional';

export class UpdateIntegrationDto {
  @ApiProperty({ description: 'Turns the integration on or off' })
  @IsBoolean()
  enabled!: boolean;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { apiKey: 'write-only', baseUrl: 'https://www.virustotal.com', timeoutMs: 15000 },
    description:
      'Replaces the stored settings (omit to keep them). Secret keys are write-only: a string ' +
      'sets one, null clears it, leaving it out keeps the stored value. Other keys set to null ' +
      'fall back to the environment or the default.',
  })
  @IsOptionalDefined()
  @IsObject({ message: 'settings must be an object' })
  settings?: JsonObject;
}
