import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { IsOptionalDefined } from '../../../common/validation/optional';

export class AuditVerifyQueryDto {
  @ApiPropertyOptional({
    description:
      'Base64 of a checkpoint JSON from GET /audit/checkpoint: the entry it names must still be there, unchanged',
  })
  @IsOptionalDefined()
  @IsString()
  @MaxLength(2048)
  checkpoint?: string;
}
