import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Playbook, PlaybookVersion } from '../../../generated/prisma/client';
import { PlaybookMode } from '../../../generated/prisma/enums';
import type { PlaybookDefinition } from '../definition/playbook-definition';

const DEFINITION_SCHEMA = {
  type: 'object',
  additionalProperties: true,
  description:
    'name, description, enabled, mode, trigger {severities, sources, condition}, steps[]',
} as const;

export class PlaybookDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiPropertyOptional({ nullable: true }) description!: string | null;
  @ApiProperty({ description: 'False once deleted, or when the current definition says so' })
  enabled!: boolean;
  @ApiProperty({ enum: ['live', 'dry-run'] }) mode!: 'live' | 'dry-run';
  @ApiProperty() currentVersion!: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) createdById!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty() updatedAt!: Date;
  @ApiPropertyOptional({ nullable: true, description: 'Set by DELETE' }) disabledAt!: Date | null;
  @ApiPropertyOptional({ ...DEFINITION_SCHEMA, description: 'The current version (GET /:id)' })
  definition?: PlaybookDefinition;
}

export class PlaybookVersionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty() current!: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) createdById!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty(DEFINITION_SCHEMA) definition!: PlaybookDefinition;
}

export function toModeName(mode: PlaybookMode): 'live' | 'dry-run' {
  return mode === PlaybookMode.DRY_RUN ? 'dry-run' : 'live';
}

export function toPlaybookDto(playbook: Playbook, definition?: PlaybookDefinition): PlaybookDto {
  return {
    id: playbook.id,
    name: playbook.name,
    description: playbook.description,
    enabled: playbook.enabled,
    mode: toModeName(playbook.mode),
    currentVersion: playbook.currentVersion,
    createdById: playbook.createdById,
    createdAt: playbook.createdAt,
    updatedAt: playbook.updatedAt,
    disabledAt: playbook.disabledAt,
    ...(definition && { definition }),
  };
}

export function toPlaybookVersionDto(
  version: PlaybookVersion,
  currentVersion: number,
): PlaybookVersionDto {
  return {
    id: version.id,
    version: version.version,
    current: version.version === currentVersion,
    createdById: version.createdById,
    createdAt: version.createdAt,
    definition: version.definition as unknown as PlaybookDefinition,
  };
}
