import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { AuditCheckpointEmitter } from './audit-checkpoint.emitter';
import { AuditKeys } from './audit-keys';
import { AuditSealer } from './audit-sealer';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

@Global()
@Module({
  controllers: [AuditController],
  providers: [
    {
      provide: AuditKeys,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => AuditKeys.fromConfig(config.audit),
    },
    AuditSealer,
    AuditService,
    AuditCheckpointEmitter,
  ],
  exports: [AuditService],
})
export class AuditModule {}
