import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEnum, IsString, Matches, MaxLength, ValidateBy } from 'class-validator';
import type { Asset } from '../../../generated/prisma/client';
import { AssetCriticality } from '../../../generated/prisma/enums';
import { PaginationQueryDto } from '../../../common/validation/pagination.dto';
import { canonicalIp, HOSTNAME_SYNTAX, normalizeHostname } from '../asset-matching';
import { IsOptionalDefined, IsOptionalNullable } from '../../../common/validation/optional';

const HOSTNAME_MESSAGE = 'hostname must be a host name: letters, digits, - and _, dot-separated';
const CRITICALITY_MESSAGE = `criticality must be one of ${Object.values(AssetCriticality).join(', ')}`;

const toHostname = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? normalizeHostname(value) : value;
const toCanonicalIp = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? (canonicalIp(value) ?? value) : value;
const trimmed = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;

/** An IP literal (already canonicalised by the transform when valid). */
const IsIpLiteral = () =>
  ValidateBy({
    name: 'isIpLiteral',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && canonicalIp(value) === value,
      defaultMessage: () => 'ip must be an IPv4 or IPv6 address',
    },
  });

export class CreateAssetDto {
  @ApiProperty({ example: 'ws-042.corp.example.com', description: 'Unique, case-insensitive' })
  @Transform(toHostname)
  @IsString()
  @Matches(HOSTNAME_SYNTAX, { message: HOSTNAME_MESSAGE })
  hostname!: string;

  @ApiPropertyOptional({ example: '10.20.30.40', nullable: true })
  @Transform(toCanonicalIp)
  @IsOptionalNullable()
  @IsIpLiteral()
  ip?: string | null;

  @ApiPropertyOptional({ example: 'it-ops@example.com', nullable: true })
  @Transform(trimmed)
  @IsOptionalNullable()
  @IsString()
  @MaxLength(200)
  owner?: string | null;

  @ApiProperty({ enum: AssetCriticality, example: AssetCriticality.HIGH })
  @IsEnum(AssetCriticality, { message: CRITICALITY_MESSAGE })
  criticality!: AssetCriticality;
}

export class UpdateAssetDto {
  @ApiPropertyOptional({ example: 'ws-042.corp.example.com' })
  @Transform(toHostname)
  @IsOptionalDefined()
  @IsString()
  @Matches(HOSTNAME_SYNTAX, { message: HOSTNAME_MESSAGE })
  hostname?: string;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @Transform(toCanonicalIp)
  @IsOptionalNullable()
  @IsIpLiteral()
  ip?: string | null;

  @ApiPropertyOptional({ nullable: true, description: 'null clears it' })
  @Transform(trimmed)
  @IsOptionalNullable()
  @IsString()
  @MaxLength(200)
  owner?: string | null;

  @ApiPropertyOptional({ enum: AssetCriticality })
  @IsOptionalDefined()
  @IsEnum(AssetCriticality, { message: CRITICALITY_MESSAGE })
  criticality?: AssetCriticality;
}

export class AssetQueryDto extends PaginationQueryDto {
  @ApiPropertyOptional({ description: 'Part of the host name (case-insensitive)' })
  @Transform(toHostname)
  @IsOptionalDefined()
  @IsString()
  @MaxLength(253)
  hostname?: string;

  @ApiPropertyOptional({ enum: AssetCriticality })
  @IsOptionalDefined()
  @IsEnum(AssetCriticality, { message: CRITICALITY_MESSAGE })
  criticality?: AssetCriticality;
}

export class AssetDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() hostname!: string;
  @ApiPropertyOptional({ nullable: true }) ip!: string | null;
  @ApiPropertyOptional({ nullable: true }) owner!: string | null;
  @ApiProperty({ enum: AssetCriticality }) criticality!: AssetCriticality;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
}

export function toAssetDto(asset: Asset): AssetDto {
  const { id, hostname, ip, owner, criticality, createdAt, updatedAt } = asset;
  return { id, hostname, ip, owner, criticality, createdAt, updatedAt };
}
