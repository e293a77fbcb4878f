import { ApiProperty } from '@nestjs/swagger';
import type { IndicatorType } from '../../../common/indicators/indicator';
import { AlertSummaryDto, EnrichmentDto } from './alert.dto';

export class ObservableSightingDto {
  @ApiProperty({ enum: ['ipv4', 'ipv6', 'domain', 'url', 'md5', 'sha1', 'sha256', 'email'] })
  type!: IndicatorType;
  @ApiProperty() value!: string;
  @ApiProperty({ example: 'domain-name' }) stixType!: string;
  @ApiProperty() internal!: boolean;
  @ApiProperty({ description: 'Alerts it appeared in' }) alertCount!: number;
  @ApiProperty() firstSeen!: Date;
  @ApiProperty() lastSeen!: Date;
  @ApiProperty({
    type: EnrichmentDto,
    isArray: true,
    description: 'Newest verdict of each provider',
  })
  latestVerdicts!: EnrichmentDto[];
  @ApiProperty({
    type: AlertSummaryDto,
    isArray: true,
    description: 'The newest alerts it appeared in (up to 10)',
  })
  alerts!: AlertSummaryDto[];
}
