import { Injectable } from '@nestjs/common';
import { stringify } from 'yaml';
import type { AuthUser } from '../../common/auth/auth-user';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { Database } from '../../database/database';
import { PrismaService } from '../../database/prisma.service';
import type { Playbook, PlaybookVersion, Prisma } from '../../generated/prisma/client';
import { PlaybookMode } from '../../generated/prisma/enums';
import { AuditAction, AuditService } from '../audit';
import type { PlaybookDefinition } from './definition/playbook-definition';
import { validateDefinition } from './definition/validate-definition';
import type { PlaybookQueryDto } from './dto/playbook-requests.dto';
import {
  InvalidPlaybookDefinitionError,
  PlaybookDeletedError,
  PlaybookNameTakenError,
  PlaybookNotFoundError,
  PlaybookVersionNotFoundError,
} from './playbooks.errors';

/** A playbook version as runs pin it. */
export interface PinnedVersion {
  playbookId: string;
  name: string;
  versionId: string;
  version: number;
  definition: PlaybookDefinition;
}

const ENABLED_CURRENT_VERSIONS = `
SELECT p.id AS "playbookId", p.name, v.id AS "versionId", v.version, v.definition
  FROM playbooks p
  JOIN playbook_versions v ON v.playbook_id = p.id AND v.version = p.current_version
 WHERE p.enabled
 ORDER BY p.name`;

/**
 * Playbook definitions and their immutable versions. Every save validates the whole
 * definition and writes a new version; rollback copies an old version into a new one, so
 * the history only grows and a run's pinned version never changes.
 */
@Injectable()
export class PlaybooksService {
  constructor(
    private readonly prisma: PrismaService,
    private readonly database: Database,
    private readonly audit: AuditService,
  ) {}

  async list(query: PlaybookQueryDto): Promise<Page<Playbook>> {
    const where: Prisma.PlaybookWhereInput = { enabled: query.enabled };
    const [total, items] = await Promise.all([
      this.prisma.playbook.count({ where }),
      this.prisma.playbook.findMany({
        where,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip: query.skip,
        take: query.limit,
      }),
    ]);
    return toPage(query, total, items);
  }

  async get(id: string): Promise<{ playbook: Playbook; definition: PlaybookDefinition }> {
    const playbook = await this.find(this.prisma, id);
    const current = await this.findVersion(this.prisma, id, playbook.currentVersion);
    return { playbook, definition: current.definition as unknown as PlaybookDefinition };
  }

  async create(actor: AuthUser, input: unknown, ip?: string): Promise<Playbook> {
    const definition = parse(input);
    return this.prisma.$transaction(async (tx) => {
      await this.assertNameFree(tx, definition.name, null);
      const playbook = await tx.playbook.create({
        data: { ...columnsOf(definition), currentVersion: 1, createdById: actor.id },
      });
      await this.addVersion(tx, playbook.id, 1, definition, actor);
      const data = { before: null, after: { version: 1, definition } };
      await this.record(tx, actor, AuditAction.PlaybookCreated, playbook.id, ip, data);
      return playbook;
    });
  }

  async update(actor: AuthUser, id: string, input: unknown, ip?: string): Promise<Playbook> {
    const definition = parse(input);
    return this.prisma.$transaction(async (tx) => {
      const { before, playbook } = await this.newVersion(tx, id, definition, actor);
      const data = { before, after: { version: playbook.currentVersion, definition } };
      await this.record(tx, actor, AuditAction.PlaybookUpdated, id, ip, data);
      return playbook;
    });
  }

  /** Makes an old version's definition current again, as a new version (history only grows). */
  async rollback(actor: AuthUser, id: string, version: number, ip?: string): Promise<Playbook> {
    return this.prisma.$transaction(async (tx) => {
      const old = await this.findVersion(tx, id, version);
      const definition = old.definition as unknown as PlaybookDefinition;
      const { before, playbook } = await this.newVersion(tx, id, definition, actor);
      const after = { version: playbook.currentVersion, restoredFrom: version, definition };
      await this.record(tx, actor, AuditAction.PlaybookRolledBack, id, ip, { before, after });
      return playbook;
    });
  }

  /** Disables for good; versions and runs stay readable. */
  async remove(actor: AuthUser, id: string, ip?: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const before = await this.lock(tx, id);
      if (before.disabledAt) return;
      await tx.playbook.update({
        where: { id },
        data: { enabled: false, disabledAt: new Date() },
      });
      const data = {
        before: { enabled: before.enabled },
        after: { enabled: false, deleted: true },
      };
      await this.record(tx, actor, AuditAction.PlaybookDeleted, id, ip, data);
    });
  }

  async versions(id: string): Promise<{ playbook: Playbook; versions: PlaybookVersion[] }> {
    const playbook = await this.find(this.prisma, id);
    const versions = await this.prisma.playbookVersion.findMany({
      where: { playbookId: id },
      orderBy: { version: 'desc' },
    });
    return { playbook, versions };
  }

  async version(
    id: string,
    version: number,
  ): Promise<{ playbook: Playbook; version: PlaybookVersion }> {
    const playbook = await this.find(this.prisma, id);
    return { playbook, version: await this.findVersion(this.prisma, id, version) };
  }

  /** The current definition as YAML (POST it back, as YAML, for the same definition). */
  async exportYaml(id: string): Promise<string> {
    const { definition } = await this.get(id);
    return stringify(definition, { lineWidth: 0 });
  }

  /** For the runner: the version a new run pins. */
  async getCurrentVersion(id: string): Promise<PinnedVersion> {
    const playbook = await this.find(this.prisma, id);
    return pinned(playbook, await this.findVersion(this.prisma, id, playbook.currentVersion));
  }

  /** For the runner: the version a run pinned. */
  async getVersion(id: string, version: number): Promise<PinnedVersion> {
    const playbook = await this.find(this.prisma, id);
    return pinned(playbook, await this.findVersion(this.prisma, id, version));
  }

  /** For the trigger: every enabled playbook with its current version, in one statement. */
  async listEnabledForTrigger(): Promise<PinnedVersion[]> {
    return (await this.database.pool.query<PinnedVersion>(ENABLED_CURRENT_VERSIONS)).rows;
  }

  private async newVersion(
    tx: Prisma.TransactionClient,
    id: string,
    definition: PlaybookDefinition,
    actor: AuthUser,
  ): Promise<{ before: { version: number; definition: unknown }; playbook: Playbook }> {
    const current = await this.lock(tx, id);
    if (current.disabledAt) throw new PlaybookDeletedError();
    await this.assertNameFree(tx, definition.name, id);
    const previous = await this.findVersion(tx, id, current.currentVersion);
    const playbook = await tx.playbook.update({
      where: { id },
      data: { ...columnsOf(definition), currentVersion: current.currentVersion + 1 },
    });
    await this.addVersion(tx, id, playbook.currentVersion, definition, actor);
    return {
      before: { version: current.currentVersion, definition: previous.definition },
      playbook,
    };
  }

  private async addVersion(
    tx: Prisma.TransactionClient,
    playbookId: string,
    version: number,
    definition: PlaybookDefinition,
    actor: AuthUser,
  ): Promise<void> {
    await tx.playbookVersion.create({
      data: {
        playbookId,
        version,
        definition: definition as unknown as Prisma.InputJsonValue,
        createdById: actor.id,
      },
    });
  }

  /** Row lock: concurrent saves of one playbook number their versions one after the other. */
  private async lock(tx: Prisma.TransactionClient, id: string): Promise<Playbook> {
    const rows = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM playbooks WHERE id = ${id}::uuid FOR UPDATE`;
    if (rows.length === 0) throw new PlaybookNotFoundError();
    return this.find(tx, id);
  }

  private async find(client: Prisma.TransactionClient, id: string): Promise<Playbook> {
    const playbook = await client.playbook.findUnique({ where: { id } });
    if (!playbook) throw new PlaybookNotFoundError();
    return playbook;
  }

  private async findVersion(
    client: Prisma.TransactionClient,
    playbookId: string,
    version: number,
  ): Promise<PlaybookVersion> {
    const found = await client.playbookVersion.findUnique({
      where: { playbookId_version: { playbookId, version } },
    });
    if (!found) {
      await this.find(client, playbookId);
      throw new PlaybookVersionNotFoundError(version);
    }
    return found;
  }

  private async assertNameFree(
    tx: Prisma.TransactionClient,
    name: string,
    ownId: string | null,
  ): Promise<void> {
    const existing = await tx.playbook.findUnique({ where: { name }, select: { id: true } });
    if (existing && existing.id !== ownId) throw new PlaybookNameTakenError(name, existing.id);
  }

  private record(
    tx: Prisma.TransactionClient,
    actor: AuthUser,
    action: AuditAction,
    id: string,
    ip: string | undefined,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({ actor, action, entityType: 'playbook', entityId: id, ip, data }, tx);
  }
}

function parse(input: unknown): PlaybookDefinition {
  const result = validateDefinition(input);
  if (!result.ok) throw new InvalidPlaybookDefinitionError(result.errors);
  return result.definition;
}

function columnsOf(definition: PlaybookDefinition): {
  name: string;
  description: string | null;
  enabled: boolean;
  mode: PlaybookMode;
} {
  return {
    name: definition.name,
    description: definition.description ?? null,
    enabled: definition.enabled !== false,
    mode: definition.mode === 'dry-run' ? PlaybookMode.DRY_RUN : PlaybookMode.LIVE,
  };
}

function pinned(playbook: Playbook, version: PlaybookVersion): PinnedVersion {
  return {
    playbookId: playbook.id,
    name: playbook.name,
    versionId: version.id,
    version: version.version,
    definition: version.definition as unknown as PlaybookDefinition,
  };
}
