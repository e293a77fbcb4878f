import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import type { JobState, JobView } from '../../../queue/jobs.repository';
import { IsOptionalDefined } from '../../../common/validation/optional';

const JOB_STATES: JobState[] = ['queued', 'processing', 'done', 'failed'];

export class JobsQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: JOB_STATES })
  @IsOptionalDefined()
  @IsIn(JOB_STATES, { message: `state must be one of ${JOB_STATES.join(', ')}` })
  state?: JobState;
}

export class JobDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'alert.process' }) queue!: string;
  @ApiProperty({ enum: JOB_STATES }) state!: JobState;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) alertId!: string | null;
  @ApiProperty() retryCount!: number;
  @ApiProperty() retryLimit!: number;
  @ApiPropertyOptional({ nullable: true, description: 'Why the last attempt failed' }) error!:
    string | null;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true }) startedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true }) completedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, description: 'When a queued or retrying job runs next' })
  nextAttemptAt!: Date | null;
}

export function toJobDto(job: JobView): JobDto {
  const { data, ...rest } = job;
  return { ...rest, alertId: typeof data.alertId === 'string' ? data.alertId : null };
}
