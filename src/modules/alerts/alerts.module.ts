import { Module } from '@nestjs/common';
import { AlertIngestWriter } from './ingest/alert-ingest.writer';
import { IngestController } from './ingest/ingest.controller';
import { IngestService } from './ingest/ingest.service';

@Module({
  controllers: [IngestController],
  providers: [IngestService, AlertIngestWriter],
})
export class AlertsModule {}
