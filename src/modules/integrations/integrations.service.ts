import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import { SecretBox } from '../../common/crypto/secret-box';
import { isJsonObject, type JsonObject } from '../../common/types/json';
import { AppConfig } from '../../config/app-config';
import type { IntegrationSetting } from '../../generated/prisma/client';
import { AuditAction, AuditService } from '../audit';
import type { UpdateIntegrationDto } from './dto/update-integration.dto';
import type {
  ConnectivityResult,
  IntegrationConfig,
  IntegrationDefinition,
} from './integration-definition';
import { resolveIntegration } from './integration-layers';
import { IntegrationRegistry } from './integration-registry';
import {
  applySecretUpdates,
  describeSecretUpdates,
  splitSecrets,
  type SplitSettings,
} from './integration-secrets';
import { checkCandidate, validateSettingsInput } from './integration-settings.validator';
import { ConnectivityTestUnavailableError, IntegrationNotFoundError } from './integrations.errors';
import { IntegrationsRepository } from './integrations.repository';
import {
  buildSnapshot,
  type IntegrationsSnapshot,
  type IntegrationView,
  type StoredIntegration,
} from './integrations.snapshot';

export type IntegrationsListener = (changed: string[]) => void;

/**
 * Integration settings: defaults <- environment <- database, secrets sealed at rest. Reads
 * come from a snapshot re-checked against the table at most every `freshnessMs`, so a change
 * made by any process reaches every other one within about a second, without a restart.
 */
@Injectable()
export class IntegrationsService {
  protected readonly freshnessMs: number = 1_000;
  private readonly logger = new Logger(IntegrationsService.name);
  private readonly listeners = new Set<IntegrationsListener>();
  private current: { snapshot: IntegrationsSnapshot; rowsKey: string; checkedAt: number } | null =
    null;
  private loading: Promise<IntegrationsSnapshot> | null = null;
  private generation = 0;

  constructor(
    private readonly repository: IntegrationsRepository,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly registry: IntegrationRegistry,
  ) {}

  /** The effective configuration of one integration (secrets decrypted). */
  async get(name: string): Promise<IntegrationConfig> {
    return (await this.snapshot()).get(name);
  }

  async snapshot(): Promise<IntegrationsSnapshot> {
    const current = this.current;
    if (current && Date.now() - current.checkedAt < this.freshnessMs) return current.snapshot;
    this.loading ??= this.refresh().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /** Called with the names whose effective configuration changed (here or in another process). */
  onChange(listener: IntegrationsListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  definition(name: string): IntegrationDefinition {
    const definition = this.registry.get(name);
    if (!definition) throw new IntegrationNotFoundError(name, this.registry.names());
    return definition;
  }

  async update(
    actor: AuthUser,
    name: string,
    dto: UpdateIntegrationDto,
    ip?: string,
  ): Promise<IntegrationView> {
    const definition = this.definition(name);
    if (dto.settings) validateSettingsInput(definition, dto.settings);
    await this.repository.withLockedRow(name, async (row, tx) => {
      const split: SplitSettings = dto.settings
        ? splitSecrets(dto.settings, definition.secretKeys)
        : { settings: storedSettings(row), secrets: {} };
      const secrets = applySecretUpdates(row ? this.openSecrets(row) : {}, split.secrets);
      const candidate = resolveIntegration(definition, this.config.enrichment, {
        enabled: dto.enabled,
        settings: split.settings,
        secrets,
      });
      checkCandidate(definition, candidate);
      await this.repository.save(tx, {
        name,
        enabled: dto.enabled,
        settings: split.settings,
        secretsSealed:
          Object.keys(secrets).length > 0 ? this.secretBox.seal(JSON.stringify(secrets)) : null,
        updatedById: actor.id,
      });
      await this.audit.record(
        {
          actor,
          action: AuditAction.IntegrationUpdated,
          entityType: 'integration',
          entityId: name,
          ip,
          // Secret names only, never their values.
          data: {
            before: row
              ? {
                  enabled: row.enabled,
                  settings: storedSettings(row),
                  secrets: Object.keys(this.openSecrets(row)).sort(),
                }
              : null,
            after: {
              enabled: dto.enabled,
              settings: split.settings,
              secrets: Object.keys(secrets).sort(),
            },
            secrets: describeSecretUpdates(split.secrets),
          },
        },
        tx,
      );
    });
    this.invalidate();
    return (await this.snapshot()).view(definition.name);
  }

  /** A harmless call with the integration's effective configuration (enabled or not). */
  async testConnection(name: string): Promise<ConnectivityResult> {
    const definition = this.definition(name);
    if (!definition.testConnection) throw new ConnectivityTestUnavailableError(name);
    return definition.testConnection(await this.get(name));
  }

  /** Forces the next read to the table; the old snapshot stays to tell what changed. */
  private invalidate(): void {
    this.generation++;
    if (this.current) this.current.checkedAt = Number.NEGATIVE_INFINITY;
    this.loading = null;
  }

  private async refresh(): Promise<IntegrationsSnapshot> {
    const generation = this.generation;
    const rows = await this.repository.findAll();
    // An update committed while this read was in flight has already moved on: read again.
    if (generation !== this.generation) return this.snapshot();
    const rowsKey = rows.map((row) => `${row.name}@${row.updatedAt.getTime()}`).join('|');
    const previous = this.current;
    if (previous && previous.rowsKey === rowsKey) {
      previous.checkedAt = Date.now();
      return previous.snapshot;
    }
    const stored = rows.map((row) => this.toStored(row));
    const snapshot = buildSnapshot(
      (previous?.snapshot.version ?? 0) + 1,
      stored,
      this.config.enrichment,
      this.registry,
    );
    this.current = { snapshot, rowsKey, checkedAt: Date.now() };
    const changed = previous ? snapshot.changedSince(previous.snapshot) : [];
    if (changed.length > 0) this.emit(changed);
    return snapshot;
  }

  private emit(changed: string[]): void {
    for (const listener of this.listeners) {
      try {
        listener(changed);
      } catch (error) {
        this.logger.warn(`Integration change listener failed: ${(error as Error).message}`);
      }
    }
  }

  private toStored(row: IntegrationSetting): StoredIntegration {
    return {
      name: row.name,
      enabled: row.enabled,
      settings: storedSettings(row),
      secrets: this.openSecrets(row),
      updatedAt: row.updatedAt,
      updatedById: row.updatedById,
    };
  }

  /** Unreadable secrets (ENCRYPTION_KEY changed) count as unset rather than breaking every read. */
  private openSecrets(row: IntegrationSetting): Record<string, string> {
    if (!row.secretsSealed) return {};
    try {
      const opened: unknown = JSON.parse(this.secretBox.open(row.secretsSealed));
      if (!isJsonObject(opened)) return {};
      return Object.fromEntries(
        Object.entries(opened).filter((entry): entry is [string, string] => {
          return typeof entry[1] === 'string';
        }),
      );
    } catch {
      this.logger.warn(
        `Secrets of integration ${row.name} cannot be decrypted with the current ENCRYPTION_KEY; treating them as unset`,
      );
      return {};
    }
  }
}

function storedSettings(row: IntegrationSetting | null): JsonObject {
  return row && isJsonObject(row.settings) ? row.settings : {};
}
