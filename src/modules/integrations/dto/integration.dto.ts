import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { JsonObject } from '../../../common/types/json';
import type { IntegrationKind } from '../integration-definition';
import type { IntegrationSource } from '../integration-layers';
import { secretStatus, type SecretStatus } from '../integration-secrets';
import type { IntegrationView } from '../integrations.snapshot';

const SOURCES: IntegrationSource[] = ['default', 'environment', 'database', 'auto'];

export class IntegrationDto {
  @ApiProperty({ example: 'virustotal' }) name!: string;
  @ApiProperty({ enum: ['provider', 'responder'] }) kind!: IntegrationKind;
  @ApiProperty() enabled!: boolean;
  @ApiProperty({
    enum: SOURCES,
    description: 'Topmost layer that configures it: default <- environment <- database',
  })
  source!: IntegrationSource;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Effective non-secret settings',
  })
  settings!: JsonObject;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: ['set', 'unset'] },
    example: { apiKey: 'set' },
    description: 'Whether each write-only secret is set; values are never returned',
  })
  secrets!: Record<string, SecretStatus>;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', enum: SOURCES },
    example: { enabled: 'database', apiKey: 'environment', timeoutMs: 'default' },
    description: 'Where each value (and `enabled`) comes from',
  })
  sources!: Record<string, IntegrationSource>;
  @ApiPropertyOptional({ nullable: true, description: 'Last change through the API' })
  updatedAt!: Date | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) updatedById!: string | null;
}

/** Never returns a secret value: secrets become set/unset. */
export function toIntegrationDto(view: IntegrationView): IntegrationDto {
  const { name, kind, enabled, source, settings, secrets, sources } = view.integration;
  return {
    name,
    kind,
    enabled,
    source,
    settings,
    secrets: secretStatus(view.secretKeys, secrets),
    sources,
    updatedAt: view.updatedAt,
    updatedById: view.updatedById,
  };
}
