import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { IsOptionalDefined } from '../../../common/validation/optional';
import type { SlaTargets } from '../../../config/sla-targets';

const ISO = { strict: true, strictSeparator: true };

export class WindowQueryDto {
  @ApiPropertyOptional({
    example: '2026-03-01T00:00:00Z',
    description: 'Start (inclusive), ISO-8601',
  })
  @IsOptionalDefined()
  @IsISO8601(ISO, { message: 'from must be an ISO-8601 date-time' })
  from?: string;

  @ApiPropertyOptional({
    example: '2026-03-02T00:00:00Z',
    description: 'End (exclusive), ISO-8601',
  })
  @IsOptionalDefined()
  @IsISO8601(ISO, { message: 'to must be an ISO-8601 date-time' })
  to?: string;
}

export class WindowDto {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class CountedValueDto {
  @ApiProperty() value!: string;
  @ApiProperty() count!: number;
}

export class SourceAssetDto {
  @ApiProperty() id!: string;
  @ApiProperty() hostname!: string;
  @ApiProperty() criticality!: string;
}

export class TopSourceDto extends CountedValueDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Verdict of the newest enriched observable with this IP (worst over providers)',
  })
  latestVerdict!: string | null;

  @ApiProperty({ nullable: true, type: SourceAssetDto, description: 'The asset with this IP' })
  asset!: SourceAssetDto | null;
}

export class DayCountDto {
  @ApiProperty({ example: '2026-03-01' }) day!: string;
  @ApiProperty() count!: number;
}

const counts = (description: string) =>
  ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description });

export class OverviewDto {
  @ApiProperty({ type: WindowDto, description: 'The window counted, widened to whole UTC hours' })
  window!: WindowDto;

  @ApiProperty({ description: 'Alerts received in the window (default: the last 24 whole hours)' })
  alertsLast24h!: number;

  @counts('Alerts received in the window by severity; UNSCORED = not scored yet')
  alertsBySeverity!: Record<string, number>;

  @counts('Alerts received in the window by current status') alertsByStatus!: Record<
    string,
    number
  >;
  @counts('Alerts received in the window by connector') alertsByConnector!: Record<string, number>;
  @counts('Cases opened in the window by current status') casesByStatus!: Record<string, number>;
  @counts('Cases opened in the window by severity') casesBySeverity!: Record<string, number>;
  @counts('Actions requested in the window by current status')
  actionsByStatus!: Record<string, number>;

  @counts('Actions requested in the window by type') actionsByType!: Record<string, number>;

  @ApiProperty({ type: TopSourceDto, isArray: true, description: 'Top 10 normalized.srcIp' })
  topSources!: TopSourceDto[];

  @ApiProperty({
    type: CountedValueDto,
    isArray: true,
    description: 'Top 10 categories (the first normalized tag)',
  })
  threatsByType!: CountedValueDto[];

  @ApiProperty({ type: CountedValueDto, isArray: true, description: 'Top 10 normalized.ruleName' })
  topRules!: CountedValueDto[];

  @ApiProperty({
    description:
      'Of the alerts received in the window that are resolved (status CLOSED or FALSE_POSITIVE), ' +
      'the share with status FALSE_POSITIVE; 0 when none is resolved. 4 decimals.',
  })
  falsePositiveRate!: number;

  @ApiProperty({
    description:
      'Of the cases opened in the window that are CLOSED (merged duplicates left out), the share ' +
      'with resolution FALSE_POSITIVE; 0 when none is closed. 4 decimals.',
  })
  caseFalsePositiveRate!: number;

  @ApiProperty({
    description:
      'Of the alerts received in the window, the share closed automatically (auto_closed: ' +
      'score under SCORE_AUTO_CLOSE_BELOW or allowlisted); 0 when there are none. 4 decimals.',
  })
  autoClosedRate!: number;

  @ApiProperty({
    type: DayCountDto,
    isArray: true,
    description: 'Alerts per UTC day for the 30 days ending with the window end, zero-filled',
  })
  alertsPerDay!: DayCountDto[];
}

export class DurationStats {
  @ApiProperty() count!: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Seconds; null when count is 0' })
  mean!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: 'Median (interpolated), seconds' })
  p50!: number | null;

  @ApiProperty({ nullable: true, type: Number, description: '90th percentile (interpolated)' })
  p90!: number | null;

  @ApiProperty({
    description:
      'true: p50/p90 sort every duration of the window (as PostgreSQL percentile_cont). false: ' +
      'the window held more than METRICS_EXACT_PERCENTILE_LIMIT durations, so they are ' +
      'interpolated from the daily duration histogram (within 0.5 s or about 2.2%). count and ' +
      'mean are exact either way.',
  })
  exact!: boolean;
}

export class DurationBreakdownDto {
  @ApiProperty({ type: DurationStats }) overall!: DurationStats;
  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/DurationStats' },
  })
  bySeverity!: Record<string, DurationStats>;
}

export class SlaCaseDto {
  @ApiProperty() caseId!: string;
  @ApiProperty() number!: number;
  @ApiProperty() title!: string;
  @ApiProperty() severity!: string;
  @ApiProperty({ enum: ['acknowledge', 'resolve'] }) deadline!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ description: 'Seconds past dueAt (0 while not due)' }) lateSeconds!: number;
  @ApiProperty({ description: '(now - createdAt) / (dueAt - createdAt)' }) usedFraction!: number;
}

export class SlaExposureDto {
  @ApiProperty() total!: number;
  @ApiProperty({ type: SlaCaseDto, isArray: true, description: 'At most 100, soonest due first' })
  items!: SlaCaseDto[];
}

export class SlaDto {
  @ApiProperty({ type: WindowDto, description: 'Default: the last 30 days' }) window!: WindowDto;
  @ApiProperty() now!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'SLA_TARGETS in force' })
  targets!: SlaTargets;

  @ApiProperty({
    type: DurationBreakdownDto,
    description:
      'Cases acknowledged in the window: acknowledgedAt - the earliest receivedAt of its alerts ' +
      '(createdAt if earlier or without alerts). Merged duplicates left out.',
  })
  mttaSeconds!: DurationBreakdownDto;

  @ApiProperty({
    type: DurationBreakdownDto,
    description: 'Cases closed in the window: closedAt - createdAt. Merged duplicates left out.',
  })
  mttrSeconds!: DurationBreakdownDto;

  @ApiProperty({
    type: DurationBreakdownDto,
    description: 'Actions executed in the window: executedAt - createdAt (by case severity)',
  })
  mteSeconds!: DurationBreakdownDto;

  @ApiProperty({
    type: DurationBreakdownDto,
    description: 'Actions needing approval, approved in the window: decidedAt - createdAt',
  })
  approvalWaitSeconds!: DurationBreakdownDto;

  @ApiProperty({
    type: DurationBreakdownDto,
    description: 'Actions executed in the window: executedAt - decidedAt (createdAt if none)',
  })
  executionSeconds!: DurationBreakdownDto;

  @ApiProperty({
    type: SlaExposureDto,
    description:
      'Open cases past a deadline: dueAt, and ackDueAt while not acknowledged (one item each)',
  })
  breaches!: SlaExposureDto;

  @ApiProperty({
    type: SlaExposureDto,
    description: 'Open cases not yet due that have used 75% or more of the time to a deadline',
  })
  atRisk!: SlaExposureDto;
}
