import { Injectable } from '@nestjs/common';
import { toIndicatorType, toObservableType } from '../../common/indicators/indicator-enum';
import { toPage, type Page } from '../../common/validation/pagination.dto';
import { PrismaService } from '../../database/prisma.service';
import type { ObservableType, Prisma } from '../../generated/prisma/client';
import type { ObservableQueryDto } from './dto/observable-query.dto';
import { toAlertSummaryDto, toEnrichmentDto } from './dto/alert.dto';
import type { ObservableSightingDto } from './dto/observable-sighting.dto';

const ALERTS_PER_SIGHTING = 10;

/** Where indicators were seen: one entry per (type, value), newest sighting first. */
@Injectable()
export class ObservablesService {
  constructor(private readonly prisma: PrismaService) {}

  async search(query: ObservableQueryDto): Promise<Page<ObservableSightingDto>> {
    const where: Prisma.ObservableWhereInput = {
      value: query.value,
      type: query.type ? toObservableType(query.type) : undefined,
    };
    const [groups, total] = await Promise.all([
      this.prisma.observable.groupBy({
        by: ['type', 'value'],
        where,
        _count: { alertId: true },
        _min: { createdAt: true },
        _max: { createdAt: true },
        orderBy: { _max: { createdAt: 'desc' } },
        skip: query.skip,
        take: query.limit,
      }),
      this.countDistinct(query.value ?? null, query.type ? toObservableType(query.type) : null),
    ]);
    const items = await Promise.all(
      groups.map((group) =>
        this.sighting(
          group.type,
          group.value,
          group._count.alertId,
          group._min.createdAt!,
          group._max.createdAt!,
        ),
      ),
    );
    return toPage(query, total, items);
  }

  private async sighting(
    type: ObservableType,
    value: string,
    alertCount: number,
    firstSeen: Date,
    lastSeen: Date,
  ): Promise<ObservableSightingDto> {
    const [latest, verdicts, alerts] = await Promise.all([
      this.prisma.observable.findFirst({ where: { type, value }, orderBy: { createdAt: 'desc' } }),
      this.prisma.enrichmentResult.findMany({
        where: { observable: { type, value } },
        orderBy: { queriedAt: 'desc' },
        distinct: ['provider'],
      }),
      this.prisma.alert.findMany({
        where: { observables: { some: { type, value } } },
        orderBy: { receivedAt: 'desc' },
        take: ALERTS_PER_SIGHTING,
      }),
    ]);
    return {
      type: toIndicatorType(type),
      value,
      stixType: latest?.stixType ?? '',
      internal: latest?.internal ?? false,
      alertCount,
      firstSeen,
      lastSeen,
      latestVerdicts: verdicts.map(toEnrichmentDto),
      alerts: alerts.map(toAlertSummaryDto),
    };
  }

  private async countDistinct(value: string | null, type: ObservableType | null): Promise<number> {
    const [row] = await this.prisma.$queryRaw<{ total: bigint }[]>`
      SELECT count(*) AS total FROM (
        SELECT 1 FROM observables
        WHERE (${value}::text IS NULL OR value = ${value}) AND (${type}::text IS NULL OR type::text = ${type})
        GROUP BY type, value
      ) AS distinct_observables`;
    return Number(row.total);
  }
}
