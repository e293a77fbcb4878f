import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';
import { MAX_IDS } from './create-case.dto';

/** A required list of 1 to MAX_IDS distinct UUIDs naming `what`. */
function IdList(field: string, what: string, description: string): PropertyDecorator {
  return applyDecorators(
    ApiProperty({
      type: String,
      format: 'uuid',
      isArray: true,
      minItems: 1,
      maxItems: MAX_IDS,
      description,
    }),
    IsArray(),
    ArrayMinSize(1, { message: `${field} must name at least one ${what}` }),
    ArrayMaxSize(MAX_IDS),
    ArrayUnique({ message: `${field} must not repeat an id` }),
    IsUUID('all', { each: true, message: `each ${field} entry must be a UUID` }),
  );
}

export class LinkAlertsDto {
  @IdList(
    'alertIds',
    'alert',
    'Unknown alerts 400; an alert in another case 409 (merge instead); already here: no-op',
  )
  alertIds!: string[];
}

export class MergeCasesDto {
  @IdList(
    'caseIds',
    'case',
    'Open cases to fold into this one; this case itself 400, unknown ones 400, closed ones 409',
  )
  caseIds!: string[];
}
