import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { MAX_IDS } from './create-case.dto';

export class LinkAlertsDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    minItems: 1,
    maxItems: MAX_IDS,
    description:
      'Unknown alerts 400; an alert in another case 409 (merge instead); already here: no-op',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'alertIds must name at least one alert' })
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique({ message: 'alertIds must not repeat an id' })
  @IsUUID('all', { each: true, message: 'each alertIds entry must be a UUID' })
  alertIds!: string[];
}

export class MergeCasesDto {
  @ApiProperty({
    type: String,
    format: 'uuid',
    isArray: true,
    minItems: 1,
    maxItems: MAX_IDS,
    description:
      'Open cases to fold into this one; this case itself 400, unknown ones 400, closed ones 409',
  })
  @IsArray()
  @ArrayMinSize(1, { message: 'caseIds must name at least one case' })
  @ArrayMaxSize(MAX_IDS)
  @ArrayUnique({ message: 'caseIds must not repeat an id' })
  @IsUUID('all', { each: true, message: 'each caseIds entry must be a UUID' })
  caseIds!: string[];
}
