import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOptionalDefined } from '../../../common/validation/optional';

export const MAX_ALERT_WAIT_SECONDS = 30;

export class AlertReadQueryDto {
  @ApiPropertyOptional({
    type: Number,
    default: 0,
    minimum: 0,
    maximum: MAX_ALERT_WAIT_SECONDS,
    description:
      'Seconds to wait for the pipeline to finish with the alert (state PROCESSED or FAILED). ' +
      'Answers as soon as it is done, or with the current state when the time is up.',
  })
  @IsOptionalDefined()
  @Type(() => Number)
  @IsInt({ message: 'wait must be a whole number of seconds' })
  @Min(0, { message: 'wait must be at least 0' })
  @Max(MAX_ALERT_WAIT_SECONDS, {
    message: `wait must not be greater than ${MAX_ALERT_WAIT_SECONDS}`,
  })
  wait = 0;
}
