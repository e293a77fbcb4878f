import { Injectable } from '@nestjs/common';
import type { IntegrationSetting, Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../database/prisma.service';

export interface IntegrationRowInput {
  name: string;
  enabled: boolean;
  settings: Prisma.InputJsonObject;
  secretsSealed: string | null;
  updatedById: string;
}

@Injectable()
export class IntegrationsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAll(): Promise<IntegrationSetting[]> {
    return this.prisma.integrationSetting.findMany({ orderBy: { name: 'asc' } });
  }

  /** Runs `work` holding a lock on one integration, so concurrent updates do not lose secrets. */
  withLockedRow<T>(
    name: string,
    work: (row: IntegrationSetting | null, tx: Prisma.TransactionClient) => Promise<T>,
  ): Promise<T> {
    return this.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`integration:${name}`}, 0))`;
      return work(await tx.integrationSetting.findUnique({ where: { name } }), tx);
    });
  }

  save(tx: Prisma.TransactionClient, row: IntegrationRowInput): Promise<IntegrationSetting> {
    const { name, ...values } = row;
    return tx.integrationSetting.upsert({
      where: { name },
      create: row,
      update: values,
    });
  }
}
