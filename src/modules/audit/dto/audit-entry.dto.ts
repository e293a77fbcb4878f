import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { AuditLog } from '../../../generated/prisma/client';
import { AUDIT_ACTOR_TYPES } from '../audit-actor';

export class AuditEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ description: 'Position in the chain, from 1, without gaps' }) seq!: number;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({
    enum: AUDIT_ACTOR_TYPES,
    nullable: true,
    description: 'Who acted (null only on entries older than actor kinds)',
  })
  actorType!: string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    nullable: true,
    description: 'The user (also for slack), or the ingest key for api-key',
  })
  actorId!: string | null;
  @ApiPropertyOptional({ nullable: true }) actorEmail!: string | null;
  @ApiPropertyOptional({
    nullable: true,
    description: 'The system job, the ingest key name or the Slack user id',
  })
  actorLabel!: string | null;
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
  @ApiPropertyOptional({ description: 'Why the log does not verify' })
  reason?: string;
}

export class AuditCheckpointDto {
  @ApiProperty({ description: 'Sequence number of the newest sealed entry (0: empty log)' })
  seq!: number;
  @ApiProperty({ description: 'Its link (HMAC-SHA256, hex)' }) hash!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({
    description:
      'Ed25519 signature (base64) of "mini-soar audit checkpoint v1\\n<seq>\\n<hash>\\n<at>"',
  })
  signature!: string;
}

export class AuditPublicKeyDto {
  @ApiProperty({ enum: ['Ed25519'] }) algorithm!: 'Ed25519';
  @ApiProperty({ description: 'SubjectPublicKeyInfo, PEM' }) pem!: string;
  @ApiProperty({ description: 'SubjectPublicKeyInfo, DER as base64' }) spki!: string;
}

export function toAuditEntryDto(row: AuditLog): AuditEntryDto {
  return { ...row, seq: Number(row.seq) };
}
