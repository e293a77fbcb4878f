import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsString, MaxLength } from 'class-validator';
import { INDICATOR_TYPES, type IndicatorType } from '../../../common/indicators/indicator';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import { IsOptionalDefined } from '../../../common/validation/optional';

export class ObservableQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({
    description: 'The indicator (exact; domains, hashes and emails are lowercase)',
  })
  @IsOptionalDefined()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MaxLength(2048)
  value?: string;

  @ApiPropertyOptional({ enum: INDICATOR_TYPES })
  @IsOptionalDefined()
  @IsIn(INDICATOR_TYPES, { message: `type must be one of ${INDICATOR_TYPES.join(', ')}` })
  type?: IndicatorType;
}
