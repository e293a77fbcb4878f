import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { AuthUser } from '../../common/auth/auth-user';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { PrismaService } from '../../database/prisma.service';
import type { Asset, Prisma } from '../../generated/prisma/client';
import { AssetCriticality } from '../../generated/prisma/enums';
import { isInCidrs, parseCidrs, parseIp } from '../../common/indicators/ip-address';
import { AuditAction, AuditService } from '../audit';
import { mostCritical, toAssetLookup, type AssetKeys, type AssetLookup } from './asset-matching';
import type { AssetQueryDto, CreateAssetDto, UpdateAssetDto } from './dto/asset.dto';
import { AssetHostnameTakenError, AssetNotFoundError } from './assets.errors';

export type AssetMatch = Pick<Asset, 'id' | 'hostname' | 'ip' | 'criticality'>;

/** How long a criticality answer is trusted; changes made here clear it at once. */
const MATCH_TTL_MS = 10_000;
const MAX_CANDIDATES = 100;

@Injectable()
export class AssetsService {
  private readonly matches = new LRUCache<string, { match: AssetMatch | null }>({
    max: 10_000,
    ttl: MATCH_TTL_MS,
  });

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async list(query: AssetQueryDto): Promise<Page<Asset>> {
    const where: Prisma.AssetWhereInput = {
      hostname: query.hostname ? { contains: query.hostname } : undefined,
      criticality: query.criticality,
    };
    const [total, items] = await Promise.all([
      this.prisma.asset.count({ where }),
      this.prisma.asset.findMany({
        where,
        orderBy: { hostname: 'asc' },
        skip: query.skip,
        take: query.limit,
      }),
    ]);
    return toPage(query, total, items);
  }

  async create(actor: AuthUser, dto: CreateAssetDto, ip?: string): Promise<Asset> {
    const asset = await this.prisma.$transaction(async (tx) => {
      await this.assertHostnameFree(tx, dto.hostname);
      const created = await tx.asset.create({
        data: {
          hostname: dto.hostname,
          ip: dto.ip ?? null,
          owner: dto.owner || null,
          criticality: dto.criticality,
        },
      });
      const data = { before: null, after: snapshotOf(created) };
      await this.record(tx, actor, AuditAction.AssetCreated, created.id, ip, data);
      return created;
    });
    this.matches.clear();
    return asset;
  }

  async update(actor: AuthUser, id: string, dto: UpdateAssetDto, ip?: string): Promise<Asset> {
    const asset = await this.prisma.$transaction(async (tx) => {
      const before = await this.find(tx, id);
      if (dto.hostname !== undefined && dto.hostname !== before.hostname) {
        await this.assertHostnameFree(tx, dto.hostname);
      }
      const after = await tx.asset.update({
        where: { id },
        data: {
          hostname: dto.hostname,
          ip: dto.ip,
          owner: dto.owner === undefined ? undefined : dto.owner || null,
          criticality: dto.criticality,
        },
      });
      const data = { before: snapshotOf(before), after: snapshotOf(after) };
      await this.record(tx, actor, AuditAction.AssetUpdated, id, ip, data);
      return after;
    });
    this.matches.clear();
    return asset;
  }

  async remove(actor: AuthUser, id: string, ip?: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const existing = await this.find(tx, id);
      await tx.asset.delete({ where: { id } });
      const data = { before: snapshotOf(existing), after: null };
      await this.record(tx, actor, AuditAction.AssetDeleted, id, ip, data);
    });
    this.matches.clear();
  }

  /** The most critical asset the alert's host name, short name or any of its IPs points at. */
  async findCriticality(keys: AssetKeys): Promise<AssetMatch | null> {
    const lookup = toAssetLookup(keys);
    if (!lookup) return null;
    const cacheKey = JSON.stringify(lookup);
    const cached = this.matches.get(cacheKey);
    if (cached) return cached.match;
    const candidates = await this.prisma.asset.findMany({
      where: { OR: candidateFilters(lookup) },
      select: { id: true, hostname: true, ip: true, criticality: true },
      take: MAX_CANDIDATES,
    });
    const match = mostCritical(candidates, lookup);
    this.matches.set(cacheKey, { match });
    return match;
  }

  /**
   * True when a CRITICAL asset's address lies inside `cidr`: blocking a whole range that holds
   * a critical server is containment of that server. CRITICAL assets are few; checked in memory.
   */
  async hasCriticalAssetIn(cidr: string): Promise<boolean> {
    const range = parseCidrs([cidr]);
    if (range.length === 0) return false;
    const critical = await this.prisma.asset.findMany({
      where: { criticality: AssetCriticality.CRITICAL, ip: { not: null } },
      select: { ip: true },
    });
    return critical.some((asset) => {
      const address = parseIp(asset.ip ?? '')?.address;
      return address !== undefined && isInCidrs(address, range);
    });
  }

  private async find(tx: Prisma.TransactionClient, id: string): Promise<Asset> {
    const asset = await tx.asset.findUnique({ where: { id } });
    if (!asset) throw new AssetNotFoundError();
    return asset;
  }

  private async assertHostnameFree(tx: Prisma.TransactionClient, hostname: string): Promise<void> {
    const existing = await tx.asset.findUnique({ where: { hostname }, select: { id: true } });
    if (existing) {
      throw new AssetHostnameTakenError(hostname, existing.id);
    }
  }

  private record(
    tx: Prisma.TransactionClient,
    actor: AuthUser,
    action: AuditAction,
    id: string,
    ip: string | undefined,
    data: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record({ actor, action, entityType: 'asset', entityId: id, ip, data }, tx);
  }
}

/** A superset of the matches, narrowed exactly by `mostCritical`. */
function candidateFilters(lookup: AssetLookup): Prisma.AssetWhereInput[] {
  const filters: Prisma.AssetWhereInput[] = [];
  if (lookup.ips.length > 0) filters.push({ ip: { in: lookup.ips } });
  if (lookup.hostname && lookup.shortName) {
    filters.push({ hostname: { in: [lookup.hostname, lookup.shortName] } });
    if (!lookup.hostname.includes('.')) {
      filters.push({ hostname: { startsWith: `${lookup.hostname}.` } });
    }
  }
  return filters;
}

function snapshotOf(asset: Asset): Record<string, unknown> {
  const { hostname, ip, owner, criticality } = asset;
  return { hostname, ip, owner, criticality };
}
