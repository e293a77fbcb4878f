import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Action, Alert, EnrichmentResult, Observable } from '../../../generated/prisma/client';
import { AlertState, AlertStatus, Severity } from '../../../generated/prisma/enums';
import { toIndicatorType } from '../../../common/indicators/indicator-enum';
import type { IndicatorType } from '../../../common/indicators/indicator';

export class EnrichmentDto {
  @ApiProperty({ example: 'virustotal' }) provider!: string;
  @ApiProperty({ enum: ['malicious', 'suspicious', 'harmless', 'unknown'] }) verdict!: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) reputationScore!: number;
  @ApiProperty() summary!: string;
  @ApiProperty({ description: 'True for the offline demo provider' }) mock!: boolean;
  @ApiProperty() queriedAt!: Date;
}

export class AlertObservableDto {
  @ApiProperty({ enum: ['ipv4', 'ipv6', 'domain', 'url', 'md5', 'sha1', 'sha256', 'email'] })
  type!: IndicatorType;
  @ApiProperty() value!: string;
  @ApiProperty({ example: 'ipv4-addr', description: 'STIX 2.1 cyber-observable type' })
  stixType!: string;
  @ApiProperty() internal!: boolean;
  @ApiProperty() allowlisted!: boolean;
  @ApiProperty({ type: EnrichmentDto, isArray: true }) enrichments!: EnrichmentDto[];
}

export class AlertActionSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() actionType!: string;
  @ApiProperty() target!: string;
  @ApiProperty() status!: string;
  @ApiProperty() createdAt!: Date;
}

export class AlertSummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() source!: string;
  @ApiPropertyOptional({ nullable: true }) title!: string | null;
  @ApiProperty({ enum: AlertStatus }) status!: AlertStatus;
  @ApiPropertyOptional({ enum: Severity, nullable: true }) severity!: Severity | null;
  @ApiPropertyOptional({ nullable: true, minimum: 0, maximum: 100 }) riskScore!: number | null;
  @ApiProperty({ enum: AlertState, description: 'Where the alert is in the pipeline' })
  state!: AlertState;
  @ApiProperty() occurrences!: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) duplicateOfId!: string | null;
  @ApiProperty() autoClosed!: boolean;
  @ApiPropertyOptional({ nullable: true }) eventTime!: Date | null;
  @ApiProperty() receivedAt!: Date;
  @ApiPropertyOptional({ nullable: true }) processedAt!: Date | null;
}

export class AlertDetailDto extends AlertSummaryDto {
  @ApiProperty() connector!: string;
  @ApiPropertyOptional({ nullable: true }) externalId!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Every contribution to the risk score, its points and why',
  })
  scoreBreakdown!: unknown;
  @ApiProperty({ type: 'object', additionalProperties: true }) rawPayload!: unknown;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: true })
  normalized!: unknown;
  @ApiProperty({ type: AlertObservableDto, isArray: true }) observables!: AlertObservableDto[];
  @ApiProperty({ type: AlertActionSummaryDto, isArray: true }) actions!: AlertActionSummaryDto[];
  @ApiPropertyOptional({ nullable: true }) fingerprint!: string | null;
  @ApiPropertyOptional({ nullable: true }) lastSeenAt!: Date | null;
  @ApiPropertyOptional({ nullable: true }) closedReason!: string | null;
  @ApiPropertyOptional({ nullable: true }) closedAt!: Date | null;
  @ApiProperty({
    description: 'Some threat-intel providers did not answer; re-enrichment is scheduled',
  })
  enrichmentPartial!: boolean;
  @ApiPropertyOptional({ nullable: true }) processingError!: string | null;
}

export type AlertWithRelations = Alert & {
  observables: (Observable & { enrichments: EnrichmentResult[] })[];
  actions: Action[];
};

export function toAlertSummaryDto(alert: Alert): AlertSummaryDto {
  return {
    id: alert.id,
    source: alert.source,
    title: alert.title,
    status: alert.status,
    severity: alert.severity,
    riskScore: alert.riskScore,
    state: alert.state,
    occurrences: alert.occurrences,
    caseId: alert.caseId,
    duplicateOfId: alert.duplicateOfId,
    autoClosed: alert.autoClosed,
    eventTime: alert.eventTime,
    receivedAt: alert.receivedAt,
    processedAt: alert.processedAt,
  };
}

export function toEnrichmentDto(result: EnrichmentResult): EnrichmentDto {
  return {
    provider: result.provider,
    verdict: result.verdict.toLowerCase(),
    reputationScore: result.reputationScore,
    summary: result.summary,
    mock: result.mock,
    queriedAt: result.queriedAt,
  };
}

export function toAlertDetailDto(alert: AlertWithRelations): AlertDetailDto {
  return {
    ...toAlertSummaryDto(alert),
    connector: alert.connector,
    externalId: alert.externalId,
    scoreBreakdown: alert.scoreBreakdown,
    rawPayload: alert.rawPayload,
    normalized: alert.normalized,
    observables: alert.observables.map((observable) => ({
      type: toIndicatorType(observable.type),
      value: observable.value,
      stixType: observable.stixType,
      internal: observable.internal,
      allowlisted: observable.allowlisted,
      enrichments: observable.enrichments.map(toEnrichmentDto),
    })),
    actions: alert.actions.map(({ id, actionType, target, status, createdAt }) => ({
      id,
      actionType,
      target,
      status,
      createdAt,
    })),
    fingerprint: alert.fingerprint,
    lastSeenAt: alert.lastSeenAt,
    closedReason: alert.closedReason,
    closedAt: alert.closedAt,
    enrichmentPartial: alert.enrichmentPartial,
    processingError: alert.processingError,
  };
}
