import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import type { ApiKey } from '../../../generated/prisma/client';
import { SOURCE_NAME, SOURCE_NAME_MESSAGE } from '../../../common/validation/source-name.pipe';
import { IsOptionalDefined } from '../../../common/validation/optional';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'wazuh-prod' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(120)
  name!: string;

  @ApiProperty({
    example: 'wazuh',
    description: 'Source recorded on every alert sent with this key',
  })
  @IsString()
  @Matches(SOURCE_NAME, { message: SOURCE_NAME_MESSAGE })
  source!: string;

  @ApiPropertyOptional({
    description:
      'Also issue an HMAC secret; requests must then carry X-Signature-Timestamp (unix seconds) ' +
      'and X-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">; 300 s window, no replays',
    default: false,
  })
  @IsOptionalDefined()
  @IsBoolean()
  signed?: boolean;
}

export class ApiKeyDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() source!: string;
  @ApiProperty({ description: 'First characters of the key, to recognise it' }) prefix!: string;
  @ApiProperty() signed!: boolean;
  @ApiProperty() createdAt!: Date;
  @ApiPropertyOptional({ nullable: true }) lastUsedAt!: Date | null;
  @ApiPropertyOptional({ nullable: true }) revokedAt!: Date | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself; shown only in this response' }) key!: string;
  @ApiPropertyOptional({ description: 'HMAC secret for X-Signature; shown only in this response' })
  signingSecret?: string;
}

/** Never returns the key hash or the sealed secret. */
export function toApiKeyDto(row: ApiKey): ApiKeyDto {
  const { id, name, source, prefix, createdAt, lastUsedAt, revokedAt } = row;
  return {
    id,
    name,
    source,
    prefix,
    signed: row.signingSecretSealed !== null,
    createdAt,
    lastUsedAt,
    revokedAt,
  };
}
