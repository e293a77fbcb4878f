import { Module } from '@nestjs/common';
import { collectProcessMetrics } from '../../common/telemetry/telemetry';
import { MetricsClock } from './metrics-clock';
import { MetricsCompactor } from './metrics-compactor';
import { MetricsController } from './metrics.controller';
import { MetricsRepository } from './metrics.repository';
import { MetricsService } from './metrics.service';
import { MetricsTrends } from './metrics-trends';
import { PrometheusGauges } from './prometheus-gauges';

@Module({
  controllers: [MetricsController],
  providers: [
    MetricsClock,
    MetricsRepository,
    MetricsService,
    MetricsCompactor,
    PrometheusGauges,
    MetricsTrends,
  ],
  exports: [MetricsService],
})
export class MetricsModule {
  constructor() {
    collectProcessMetrics();
  }
}
