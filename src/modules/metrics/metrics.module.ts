import { Module } from '@nestjs/common';
import { MetricsClock } from './metrics-clock';
import { MetricsCompactor } from './metrics-compactor';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';

@Module({
  controllers: [MetricsController],
  providers: [MetricsClock, MetricsRepository, MetricsService, MetricsCompactor],
  exports: [MetricsService],
})
export class MetricsModule {}
