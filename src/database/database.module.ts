import { Global, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { Database } from './database';
import { PrismaService } from './prisma.service';

@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [AppConfig],
      useFactory: async (config: AppConfig): Promise<Database> => {
        const database = await Database.open(config);
        new Logger('Database').log(`Connected to ${database.describe()}`);
        return database;
      },
    },
    PrismaService,
  ],
  exports: [Database, PrismaService],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(
    private readonly database: Database,
    private readonly prisma: PrismaService,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
    await this.database.close();
  }
}
