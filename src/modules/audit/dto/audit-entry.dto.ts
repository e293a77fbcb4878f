import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditLog } from '../../../generated/prisma/client';

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Position in the chain, from 1, without gaps' }) seq!: number;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) actorId!: string | null;
  @ApiPropertyOptional({ nullable: true }) actorEmail!: string | null;
  @ApiProperty({ example: 'auth.login_failed' }) action!: string;
  @ApiProperty({ example: 'user' }) entityType!: string;
  @ApiPropertyOptional({ nullable: true }) entityId!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) data!: unknown;
  @ApiPropertyOptional({ nullable: true }) ip!: string | null;
  @ApiProperty() prevHash!: string;
  @ApiProperty() hash!: string;
}

export class AuditVerificationDto {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ description: 'Entries examined' }) checked!: number;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'First entry whose content or link is broken',
  })
  firstBrokenId?: string;
}

export function toAuditEntryDto(row: AuditLog): AuditEntryDto {
  return { ...row, seq: Number(row.seq) };
}
