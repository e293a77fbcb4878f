export { MetricsModule } from './metrics.module';
export { MetricsService } from './metrics.service';
export { MetricsClock } from './metrics-clock';
