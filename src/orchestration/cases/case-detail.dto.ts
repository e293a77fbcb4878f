import { ApiProperty } from '@nestjs/swagger';
import { ActionDto } from '../../modules/actions';
import { AlertSummaryDto, EnrichmentDto } from '../../modules/alerts';
import { CaseDto, CaseEventDto, CaseNoteDto, PersonDto } from '../../modules/cases';

/** How many of a case's alerts the detail lists (newest first); GET /alerts?caseId= pages them all. */
export const DETAIL_ALERT_LIMIT = 200;

export class CaseObservableDto {
  @ApiProperty({ enum: ['ipv4', 'ipv6', 'domain', 'url', 'md5', 'sha1', 'sha256', 'email'] })
  type!: string;
  @ApiProperty() value!: string;
  @ApiProperty() internal!: boolean;
  @ApiProperty() allowlisted!: boolean;
  @ApiProperty({ description: 'Alerts of this case that carry it' }) alertCount!: number;
  @ApiProperty() firstSeen!: Date;
  @ApiProperty() lastSeen!: Date;
  @ApiProperty({
    type: EnrichmentDto,
    isArray: true,
    description: 'The newest verdict of each provider for this indicator',
  })
  latestVerdicts!: EnrichmentDto[];
}

export class CaseDetailDto extends CaseDto {
  @ApiProperty({ type: PersonDto, nullable: true }) assignee!: PersonDto | null;
  @ApiProperty({ description: 'How many alerts the case holds' }) alertCount!: number;
  @ApiProperty({
    type: AlertSummaryDto,
    isArray: true,
    description: `The newest ${DETAIL_ALERT_LIMIT} alerts`,
  })
  alerts!: AlertSummaryDto[];
  @ApiProperty({ type: CaseObservableDto, isArray: true }) observables!: CaseObservableDto[];
  @ApiProperty({ type: CaseNoteDto, isArray: true }) notes!: CaseNoteDto[];
  @ApiProperty({ type: ActionDto, isArray: true }) actions!: ActionDto[];
  @ApiProperty({ type: CaseEventDto, isArray: true, description: 'Oldest first' })
  timeline!: CaseEventDto[];
}
