import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsString, MaxLength } from 'class-validator';
import type { AllowlistEntry } from '../../../generated/prisma/client';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import type { AllowlistEntryType } from '../allowlist-matcher';
import { ALLOWLIST_TYPES } from '../allowlist-value';
import { IsOptionalDefined } from '../../../common/validation/optional';

const TYPE_MESSAGE = `type must be one of ${ALLOWLIST_TYPES.join(', ')}`;

export class CreateAllowlistEntryDto {
  @ApiProperty({ enum: ALLOWLIST_TYPES, example: 'cidr' })
  @IsIn(ALLOWLIST_TYPES, { message: TYPE_MESSAGE })
  type!: AllowlistEntryType;

  @ApiProperty({
    example: '203.0.113.0/24',
    description:
      'ip: an address; cidr: a range (at least /8, or /16 for IPv6); domain: the name and its ' +
      'subdomains; url: an absolute http(s) URL; hash: MD5, SHA-1 or SHA-256 hex',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2048)
  value!: string;

  @ApiProperty({ example: 'Corporate VPN egress' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  reason!: string;
}

export class AllowlistQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ enum: ALLOWLIST_TYPES })
  @IsOptionalDefined()
  @IsIn(ALLOWLIST_TYPES, { message: TYPE_MESSAGE })
  type?: AllowlistEntryType;
}

export class AllowlistEntryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: ALLOWLIST_TYPES }) type!: AllowlistEntryType;
  @ApiProperty({ description: 'Stored in canonical form (lowercase where case does not matter)' })
  value!: string;
  @ApiProperty() reason!: string;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) createdById!: string | null;
  @ApiProperty() createdAt!: Date;
}

export function toAllowlistEntryDto(entry: AllowlistEntry): AllowlistEntryDto {
  const { id, value, reason, createdById, createdAt } = entry;
  return {
    id,
    type: entry.type.toLowerCase() as AllowlistEntryType,
    value,
    reason,
    createdById,
    createdAt,
  };
}
