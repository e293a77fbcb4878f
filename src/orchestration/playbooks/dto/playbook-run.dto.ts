import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { PlaybookRunStatus, PlaybookStepStatus } from '../../../generated/prisma/enums';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import { IsOptionalDefined } from '../../../common/validation/optional';
import type { RunRow, StepRow } from '../playbook-runs.repository';

export class StartPlaybookRunDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Run on this case (its first alert is the alert)',
  })
  @IsOptionalDefined()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Run on this alert (and its case, if any)' })
  @IsOptionalDefined()
  @IsUUID('all', { message: 'alertId must be a UUID' })
  alertId?: string;

  @ApiPropertyOptional({
    default: false,
    description: 'Record what every step would do; change nothing',
  })
  @IsOptionalDefined()
  @IsBoolean({ message: 'dryRun must be a boolean' })
  dryRun?: boolean;
}

const STATUSES = Object.values(PlaybookRunStatus);

export class PlaybookRunQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, description: 'Case-insensitive (`failed` = `FAILED`)' })
  @IsOptionalDefined()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.toUpperCase() : value,
  )
  @IsIn(STATUSES, { message: `status must be one of ${STATUSES.join(', ')}` })
  status?: PlaybookRunStatus;
}

export class PlaybookRunStepDto {
  @ApiProperty() stepId!: string;
  @ApiProperty({ description: 'for_each iteration (0 otherwise)' }) iteration!: number;
  @ApiProperty() action!: string;
  @ApiProperty({ enum: PlaybookStepStatus }) status!: PlaybookStepStatus;
  @ApiPropertyOptional({ description: 'Params after templating' }) renderedParams!: unknown;
  @ApiPropertyOptional() output!: unknown;
  @ApiPropertyOptional({ type: String, nullable: true }) error!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' }) actionId!: string | null;
  @ApiProperty() startedAt!: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) finishedAt!: Date | null;
}

export class PlaybookRunDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) playbookId!: string;
  @ApiProperty() playbookName!: string;
  @ApiProperty({ description: 'The version this run pinned' }) version!: number;
  @ApiPropertyOptional({ type: String, nullable: true }) caseId!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) alertId!: string | null;
  @ApiProperty({ enum: PlaybookRunStatus }) status!: PlaybookRunStatus;
  @ApiProperty() dryRun!: boolean;
  @ApiProperty({ example: 'manual' }) trigger!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) error!: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) triggeredById!: string | null;
  @ApiProperty() startedAt!: Date;
  @ApiPropertyOptional({ type: Date, nullable: true }) finishedAt!: Date | null;
  @ApiPropertyOptional({
    type: [PlaybookRunStepDto],
    description: 'In a single run and a start answer',
  })
  steps?: PlaybookRunStepDto[];
}

export class PlaybookRunPageDto {
  @ApiProperty() page!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() total!: number;
  @ApiProperty({ type: [PlaybookRunDto] }) items!: PlaybookRunDto[];
}

export function toRunDto(run: RunRow, steps?: StepRow[]): PlaybookRunDto {
  return {
    id: run.id,
    playbookId: run.playbookId,
    playbookName: run.playbookName,
    version: run.version,
    caseId: run.caseId,
    alertId: run.alertId,
    status: run.status,
    dryRun: run.dryRun,
    trigger: run.trigger,
    error: run.error,
    triggeredById: run.triggeredById,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
    ...(steps && { steps: steps.map(toStepDto) }),
  };
}

function toStepDto(step: StepRow): PlaybookRunStepDto {
  return {
    stepId: step.stepId,
    iteration: step.iteration,
    action: step.action,
    status: step.status,
    renderedParams: step.renderedParams,
    output: step.output,
    error: step.error,
    actionId: step.actionId,
    startedAt: step.startedAt,
    finishedAt: step.finishedAt,
  };
}
