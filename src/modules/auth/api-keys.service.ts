import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { randomToken, sha256Hex } from '../../common/crypto/tokens';
import { SecretBox } from '../../common/crypto/secret-box';
import type { AuthUser } from '../../common/auth/auth-user';
import { PrismaService } from '../../database/prisma.service';
import type { ApiKey } from '../../generated/prisma/client';
import { AuditAction, AuditService } from '../audit';
import { ApiKeyNotFoundError } from './auth.errors';
import type { CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';
import { toApiKeyDto } from './dto/api-key.dto';

export const API_KEY_PREFIX = 'msk_';
/** NOTIFYed on revocation; every process LISTENs and drops its cached keys. */
export const API_KEY_REVOKED_CHANNEL = 'api_key_revoked';
/**
 * How long a lookup (found or not) is trusted. The NOTIFY makes revocation immediate; this
 * bound keeps the promise "within one second" even when a notification is missed.
 */
const CACHE_TTL_MS = 1_000;
const LAST_USED_RESOLUTION_MS = 60_000;

export interface IngestKey {
  apiKeyId: string;
  source: string;
  signingSecret: string | null;
}

@Injectable()
export class ApiKeysService {
  private readonly logger = new Logger(ApiKeysService.name);
  private readonly cache = new LRUCache<string, { key: IngestKey | null }>({
    max: 10_000,
    ttl: CACHE_TTL_MS,
  });
  private readonly lastUsedWritten = new Map<string, number>();

  constructor(
    private readonly prisma: PrismaService,
    private readonly secretBox: SecretBox,
    private readonly audit: AuditService,
  ) {}

  async create(actor: AuthUser, dto: CreateApiKeyDto, ip?: string): Promise<CreatedApiKeyDto> {
    const key = randomToken(API_KEY_PREFIX);
    const signingSecret = dto.signed ? randomToken('whsec_') : undefined;
    const row = await this.prisma.$transaction(async (tx) => {
      const created = await tx.apiKey.create({
        data: {
          name: dto.name,
          source: dto.source,
          prefix: key.slice(0, API_KEY_PREFIX.length + 8),
          keyHash: sha256Hex(key),
          signingSecretSealed: signingSecret ? this.secretBox.seal(signingSecret) : null,
          createdById: actor.id,
        },
      });
      await this.audit.record(
        {
          actor,
          action: AuditAction.ApiKeyCreated,
          entityType: 'api_key',
          entityId: created.id,
          ip,
          data: {
            before: null,
            after: { name: dto.name, source: dto.source, signed: Boolean(signingSecret) },
          },
        },
        tx,
      );
      return created;
    });
    return { ...toApiKeyDto(row), key, ...(signingSecret ? { signingSecret } : {}) };
  }

  list(): Promise<ApiKey[]> {
    return this.prisma.apiKey.findMany({ orderBy: { createdAt: 'desc' } });
  }

  async revoke(actor: AuthUser, id: string, ip?: string): Promise<void> {
    const revoked = await this.prisma.$transaction(async (tx) => {
      const existing = await tx.apiKey.findUnique({ where: { id } });
      if (!existing) throw new ApiKeyNotFoundError();
      if (existing.revokedAt) return existing;
      const updated = await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
      await this.audit.record(
        {
          actor,
          action: AuditAction.ApiKeyRevoked,
          entityType: 'api_key',
          entityId: id,
          ip,
          data: {
            before: { name: existing.name, revokedAt: null },
            after: { name: existing.name, revokedAt: updated.revokedAt },
          },
        },
        tx,
      );
      await tx.$executeRaw`SELECT pg_notify(${API_KEY_REVOKED_CHANNEL}, ${id})`;
      return updated;
    });
    this.cache.delete(revoked.keyHash);
  }

  /** Drops every cached lookup: a key was revoked somewhere, or notifications may have been missed. */
  forgetCachedKeys(): void {
    this.cache.clear();
  }

  /** Resolves a presented key to its ingest identity, or null when unknown or revoked. */
  async authenticate(presented: string): Promise<IngestKey | null> {
    const keyHash = sha256Hex(presented);
    let entry = this.cache.get(keyHash);
    if (!entry) {
      const row = await this.prisma.apiKey.findUnique({ where: { keyHash } });
      entry = { key: row && !row.revokedAt ? this.toIngestKey(row) : null };
      this.cache.set(keyHash, entry);
    }
    if (entry.key) this.touch(entry.key.apiKeyId);
    return entry.key;
  }

  private toIngestKey(row: ApiKey): IngestKey {
    return {
      apiKeyId: row.id,
      source: row.source,
      signingSecret: row.signingSecretSealed ? this.secretBox.open(row.signingSecretSealed) : null,
    };
  }

  /** Records use at most once a minute per key, off the request path. */
  private touch(apiKeyId: string): void {
    const now = Date.now();
    if (now - (this.lastUsedWritten.get(apiKeyId) ?? 0) < LAST_USED_RESOLUTION_MS) return;
    this.lastUsedWritten.set(apiKeyId, now);
    this.prisma.apiKey
      .update({ where: { id: apiKeyId }, data: { lastUsedAt: new Date(now) } })
      .catch((error: Error) => this.logger.warn(`Could not record API key use: ${error.message}`));
  }
}
