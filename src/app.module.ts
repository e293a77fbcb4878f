import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { LoggingModule } from './common/logging/logging.module';
import { DatabaseModule } from './database/database.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { HealthModule } from './modules/health/health.module';
import { AlertsModule } from './modules/alerts/alerts.module';
import { AllowlistModule } from './modules/allowlist/allowlist.module';
import { AssetsModule } from './modules/assets/assets.module';
import { EnrichmentModule } from './modules/enrichment/enrichment.module';
import { INTEGRATION_DEFINITIONS } from './integrations.list';
import { IntegrationsModule } from './modules/integrations';
import { JobsModule } from './modules/jobs/jobs.module';
import { AlertPipelineModule } from './orchestration';
import { QueueModule } from './queue/queue.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggingModule,
        DatabaseModule,
        CryptoModule,
        AuditModule,
        AuthModule,
        HealthModule,
        QueueModule,
        AlertsModule,
        AlertPipelineModule,
        JobsModule,
        IntegrationsModule.forRoot(INTEGRATION_DEFINITIONS),
        EnrichmentModule,
        AllowlistModule,
        AssetsModule,
      ],
    };
  }
}
