import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsInt, Max, Min } from 'class-validator';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import { IsOptionalDefined } from '../../../common/validation/optional';

export const MAX_REPLAY_ALERTS = 1000;

export class PlaybookQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'Only enabled (true) or disabled (false) playbooks' })
  @IsOptionalDefined()
  @Transform(({ value }: { value: unknown }) =>
    value === 'true' ? true : value === 'false' ? false : value,
  )
  @IsBoolean({ message: 'enabled must be true or false' })
  enabled?: boolean;
}

export class RollbackPlaybookDto {
  @ApiProperty({ example: 1, description: 'The version whose definition becomes current again' })
  @IsInt({ message: 'version must be an integer' })
  @Min(1, { message: 'version must be at least 1' })
  @Max(2_147_483_647, { message: 'version must not be greater than 2147483647' })
  version!: number;
}

export class ReplayPlaybookDto {
  @ApiPropertyOptional({ description: 'ISO-8601; default: 7 days before `to`' })
  @IsOptionalDefined()
  @IsDateString({}, { message: 'from must be an ISO-8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ description: 'ISO-8601, exclusive; default: now' })
  @IsOptionalDefined()
  @IsDateString({}, { message: 'to must be an ISO-8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ default: 100, minimum: 1, maximum: MAX_REPLAY_ALERTS })
  @IsOptionalDefined()
  @IsInt({ message: 'limit must be an integer' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(MAX_REPLAY_ALERTS, { message: `limit must not be greater than ${MAX_REPLAY_ALERTS}` })
  limit?: number;
}

export class ReplayStepDto {
  @ApiProperty() id!: string;
  @ApiProperty() action!: string;
  @ApiProperty() wouldRun!: boolean;
  @ApiPropertyOptional({ description: 'Why not' }) reason?: string;
  @ApiPropertyOptional({ description: 'for_each steps: how many items it would run over' })
  items?: number;
}

export class ReplayMatchDto {
  @ApiProperty({ format: 'uuid' }) alertId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() receivedAt!: string;
  @ApiProperty({ type: ReplayStepDto, isArray: true }) steps!: ReplayStepDto[];
}

export class ReplayResultDto {
  @ApiProperty({ description: 'The playbook version replayed (the current one)' }) version!: number;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty({ description: 'Stored alerts read (scored originals in the window, newest first)' })
  evaluated!: number;
  @ApiProperty({ type: ReplayMatchDto, isArray: true }) matched!: ReplayMatchDto[];
}
