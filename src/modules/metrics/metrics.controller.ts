import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { telemetryRegistry } from '../../common/telemetry/telemetry';
import { ALL_ROLES } from '../../common/auth/role-groups';
import { Roles, ScrapeAuth } from '../../common/decorators/access.decorator';
import { TrendDto, TrendQueryDto } from './dto/trend.dto';
import { MetricsTrends } from './metrics-trends';
import { PrometheusGauges } from './prometheus-gauges';
import { OverviewDto, SlaDto, WindowQueryDto } from './dto/metrics.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: MetricsService,
    private readonly gauges: PrometheusGauges,
    private readonly trends: MetricsTrends,
  ) {}

  @Get('trends')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A time series for charts, zero-filled UTC buckets' })
  @ApiOkResponse({ type: TrendDto })
  @ApiBadRequestResponse({
    description: 'Unknown metric or interval, bad from/to, or more than 400 buckets',
  })
  trend(@Query() query: TrendQueryDto): Promise<TrendDto> {
    return this.trends.trend(query);
  }

  @Get('overview')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'SOC overview from the hourly rollups (default: the last 24 hours)' })
  @ApiOkResponse({ type: OverviewDto })
  @ApiBadRequestResponse({ description: 'from/to not ISO-8601, reversed or over 400 days' })
  overview(@Query() query: WindowQueryDto): Promise<OverviewDto> {
    return this.metrics.overview(query);
  }

  @Get('sla')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'MTTA, MTTR, MTTE, SLA targets, breaches and at-risk cases' })
  @ApiOkResponse({ type: SlaDto })
  @ApiBadRequestResponse({ description: 'from/to not ISO-8601, reversed or over 400 days' })
  sla(@Query() query: WindowQueryDto): Promise<SlaDto> {
    return this.metrics.sla(query);
  }

  @Get('prometheus')
  @ScrapeAuth()
  @Header('Content-Type', telemetryRegistry.contentType)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Prometheus text format (prom-client): counters, histograms and scrape-time gauges',
    description:
      'Accepts `Authorization: Bearer <METRICS_TOKEN>` (this route only) or any JWT. ' +
      'See README, Metrics, for every series.',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'Prometheus exposition format 0.0.4', type: String })
  prometheus(): Promise<string> {
    return this.gauges.render();
  }
}
