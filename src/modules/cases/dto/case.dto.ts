import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Case, CaseEvent, CaseNote } from '../../../generated/prisma/client';
import {
  CaseEventType,
  CaseResolution,
  CaseStatus,
  Severity,
} from '../../../generated/prisma/enums';

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() email!: string;
  @ApiProperty() name!: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Short human number, unique' }) number!: number;
  @ApiProperty() title!: string;
  @ApiPropertyOptional({ nullable: true }) description!: string | null;
  @ApiProperty({ enum: CaseStatus }) status!: CaseStatus;
  @ApiProperty({ enum: Severity }) severity!: Severity;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) assigneeId!: string | null;
  @ApiPropertyOptional({ enum: CaseResolution, nullable: true })
  resolution!: CaseResolution | null;
  @ApiPropertyOptional({ nullable: true }) resolutionNote!: string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The case this one was merged into (it is then CLOSED as DUPLICATE)',
  })
  mergedIntoId!: string | null;
  @ApiPropertyOptional({ nullable: true, description: 'Ticket opened by CREATE_TICKET' })
  ticketKey!: string | null;
  @ApiPropertyOptional({ nullable: true }) ticketUrl!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'Fingerprint of the alerts that opened it automatically',
  })
  fingerprint!: string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'null: opened by the system',
  })
  createdById!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({
    nullable: true,
    description: 'First move out of NEW or first assignment',
  })
  acknowledgedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true, description: 'First move to CONTAINED' })
  containedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true }) closedAt!: Date | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'createdAt + the acknowledge target of the severity (SLA_TARGETS)',
  })
  ackDueAt!: Date | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'createdAt + the resolve target of the severity (SLA_TARGETS)',
  })
  dueAt!: Date | null;
}

export class CaseNoteDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() note!: string;
  @ApiPropertyOptional({ type: PersonDto, nullable: true }) author!: PersonDto | null;
  @ApiProperty() createdAt!: Date;
}

export class CaseEventDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: CaseEventType }) type!: CaseEventType;
  @ApiPropertyOptional({ type: PersonDto, nullable: true, description: 'null: the system' })
  actor!: PersonDto | null;
  @ApiProperty({ description: 'When it happened' }) at!: Date;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'What changed: `before` and `after` of the changed fields, and the ids involved',
  })
  data!: unknown;
}

export function toCaseDto(kase: Case): CaseDto {
  return {
    id: kase.id,
    number: kase.number,
    title: kase.title,
    description: kase.description,
    status: kase.status,
    severity: kase.severity,
    assigneeId: kase.assigneeId,
    resolution: kase.resolution,
    resolutionNote: kase.resolutionNote,
    mergedIntoId: kase.mergedIntoId,
    ticketKey: kase.ticketKey,
    ticketUrl: kase.ticketUrl,
    fingerprint: kase.fingerprint,
    createdById: kase.createdById,
    createdAt: kase.createdAt,
    updatedAt: kase.updatedAt,
    acknowledgedAt: kase.acknowledgedAt,
    containedAt: kase.containedAt,
    closedAt: kase.closedAt,
    ackDueAt: kase.ackDueAt,
    dueAt: kase.dueAt,
  };
}

export function toCaseNoteDto(note: CaseNote & { author: PersonDto | null }): CaseNoteDto {
  return { id: note.id, note: note.note, author: note.author, createdAt: note.createdAt };
}

export function toCaseEventDto(event: CaseEvent & { actor: PersonDto | null }): CaseEventDto {
  return {
    id: event.id,
    type: event.type,
    actor: event.actor,
    at: event.createdAt,
    data: event.data,
  };
}
