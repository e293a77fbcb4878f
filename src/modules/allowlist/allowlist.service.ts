import { Injectable } from '@nestjs/common';
import type { AuthUser } from '../../common/auth/auth-user';
import type { Indicator } from '../../common/indicators/indicator';
import { parseCidrs } from '../../common/indicators/ip-address';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { PrismaService } from '../../database/prisma.service';
import type { AllowlistEntry } from '../../generated/prisma/client';
import { AllowlistType } from '../../generated/prisma/enums';
import { AllowlistMatcher, type AllowlistEntryType } from './allowlist-matcher';
import { AuditAction, AuditService } from '../audit';
import { inferIndicator, normalizeAllowlistValue } from './allowlist-value';
import type { AllowlistQueryDto, CreateAllowlistEntryDto } from './dto/allowlist-entry.dto';
import { AllowlistEntryExistsError, AllowlistEntryNotFoundError } from './allowlist.errors';

/** How long a matcher is trusted: entries added by another process apply within it. */
const MATCHER_TTL_MS = 5_000;

@Injectable()
export class AllowlistService {
  private matcher: { value: AllowlistMatcher; loadedAt: number } | null = null;
  private loading: Promise<AllowlistMatcher> | null = null;
  private generation = 0;

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditService,
  ) {}

  async list(query: AllowlistQueryDto): Promise<Page<AllowlistEntry>> {
    const where = query.type ? { type: toDbType(query.type) } : {};
    const [total, items] = await Promise.all([
      this.prisma.allowlistEntry.count({ where }),
      this.prisma.allowlistEntry.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: query.skip,
        take: query.limit,
      }),
    ]);
    return toPage(query, total, items);
  }

  async create(
    actor: AuthUser,
    dto: CreateAllowlistEntryDto,
    ip?: string,
  ): Promise<AllowlistEntry> {
    const value = normalizeAllowlistValue(dto.type, dto.value);
    const type = toDbType(dto.type);
    const entry = await this.prisma.$transaction(async (tx) => {
      const existing = await tx.allowlistEntry.findUnique({
        where: { type_value: { type, value } },
      });
      if (existing) {
        throw new AllowlistEntryExistsError(dto.type, value, existing.id);
      }
      const created = await tx.allowlistEntry.create({
        data: { type, value, reason: dto.reason.trim(), createdById: actor.id },
      });
      await this.audit.record(
        {
          actor,
          action: AuditAction.AllowlistEntryCreated,
          entityType: 'allowlist_entry',
          entityId: created.id,
          ip,
          data: { before: null, after: { type: dto.type, value, reason: created.reason } },
        },
        tx,
      );
      return created;
    });
    this.invalidate();
    return entry;
  }

  async remove(actor: AuthUser, id: string, ip?: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const existing = await tx.allowlistEntry.findUnique({ where: { id } });
      if (!existing) throw new AllowlistEntryNotFoundError();
      await tx.allowlistEntry.delete({ where: { id } });
      await this.audit.record(
        {
          actor,
          action: AuditAction.AllowlistEntryDeleted,
          entityType: 'allowlist_entry',
          entityId: id,
          ip,
          data: {
            before: {
              type: existing.type.toLowerCase(),
              value: existing.value,
              reason: existing.reason,
            },
            after: null,
          },
        },
        tx,
      );
    });
    this.invalidate();
  }

  /** The current allow-list as a matcher; reloaded at most every few seconds. */
  async getMatcher(): Promise<AllowlistMatcher> {
    if (this.matcher && Date.now() - this.matcher.loadedAt < MATCHER_TTL_MS) {
      return this.matcher.value;
    }
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /**
   * For checks on action targets: a typed indicator, or a bare value whose type is guessed
   * (a CIDR range is allow-listed when it overlaps any allow-listed address or range).
   */
  async isAllowlisted(indicator: Indicator | string): Promise<boolean> {
    if (typeof indicator === 'string' && indicator.includes('/')) {
      const [range] = parseCidrs([indicator]);
      return range !== undefined && (await this.getMatcher()).overlaps(range);
    }
    const typed = typeof indicator === 'string' ? inferIndicator(indicator) : indicator;
    return typed !== null && (await this.getMatcher()).matches(typed);
  }

  private async load(): Promise<AllowlistMatcher> {
    const generation = this.generation;
    const rows = await this.prisma.allowlistEntry.findMany({ select: { type: true, value: true } });
    const value = new AllowlistMatcher(
      rows.map((row) => ({ type: row.type.toLowerCase() as AllowlistEntryType, value: row.value })),
    );
    // A local change made while this read was in flight wins: read again.
    if (generation !== this.generation) return this.getMatcher();
    this.matcher = { value, loadedAt: Date.now() };
    return value;
  }

  private invalidate(): void {
    this.generation++;
    this.matcher = null;
    this.loading = null;
  }
}

function toDbType(type: AllowlistEntryType): AllowlistType {
  return AllowlistType[type.toUpperCase() as keyof typeof AllowlistType];
}
