import { type DynamicModule, Module } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { CryptoModule } from './common/crypto/crypto.module';
import { configureOutboundPolicy } from './common/http/outbound';
import { LoggingModule } from './common/logging/logging.module';
import { DatabaseModule } from './database/database.module';
import { ActionsModule } from './modules/actions';
import { AuditModule } from './modules/audit';
import { AuthModule } from './modules/auth';
import { HealthModule } from './modules/health';
import { AlertsModule } from './modules/alerts';
import { AllowlistModule } from './modules/allowlist';
import { AssetsModule } from './modules/assets';
import { MetricsModule } from './modules/metrics';
import { EnrichmentModule } from './modules/enrichment';
import { INTEGRATION_DEFINITIONS } from './integrations.list';
import { IntegrationsModule } from './modules/integrations';
import { JobsModule } from './modules/jobs';
import { PlaybooksModule } from './modules/playbooks';
import {
  AlertActionsModule,
  AlertPipelineModule,
  CaseWorkflowModule,
  PlaybookRunsModule,
} from './orchestration';
import { QueueModule } from './queue/queue.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    // Process-wide: every guarded connection (HTTP, SMTP, LDAP) reads it at connect time.
    configureOutboundPolicy(config.outboundAllowCidrs);
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
        AlertActionsModule,
        CaseWorkflowModule,
        PlaybookRunsModule,
        JobsModule,
        IntegrationsModule.forRoot(INTEGRATION_DEFINITIONS),
        EnrichmentModule,
        AllowlistModule,
        AssetsModule,
        MetricsModule,
        ActionsModule,
        PlaybooksModule,
      ],
    };
  }
}
