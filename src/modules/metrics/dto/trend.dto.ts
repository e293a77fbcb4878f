import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { IsOptionalDefined } from '../../../common/validation/optional';
import { MAX_BUCKETS, TREND_METRICS, type TrendMetric } from '../metrics-trends';
import { WindowQueryDto } from './metrics.dto';

const INTERVALS = ['hour', 'day'] as const;

export class TrendQueryDto extends WindowQueryDto {
  @ApiProperty({ enum: TREND_METRICS })
  @IsIn(TREND_METRICS, { message: `metric must be one of ${TREND_METRICS.join(', ')}` })
  metric!: TrendMetric;

  @ApiPropertyOptional({
    enum: INTERVALS,
    default: 'day',
    description: `UTC buckets; at most ${MAX_BUCKETS} per request (default: 30 days or 48 hours)`,
  })
  @IsOptionalDefined()
  @IsIn(INTERVALS, { message: 'interval must be hour or day' })
  interval?: (typeof INTERVALS)[number];
}

export class TrendPointDto {
  @ApiProperty({ description: 'Bucket start, UTC' }) at!: string;
  @ApiProperty({
    nullable: true,
    type: Number,
    description:
      'alerts, cases_opened, cases_closed: counts (0 when none). mtta, mttr: mean seconds of ' +
      'the cases acknowledged/closed in the bucket (null when none). false_positive_rate: ' +
      'FALSE_POSITIVE / (FALSE_POSITIVE + CLOSED) of the alerts received in the bucket (0 when none).',
  })
  value!: number | null;
}

export class TrendDto {
  @ApiProperty({ enum: TREND_METRICS }) metric!: string;
  @ApiProperty({ enum: INTERVALS }) interval!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ type: TrendPointDto, isArray: true }) points!: TrendPointDto[];
}
