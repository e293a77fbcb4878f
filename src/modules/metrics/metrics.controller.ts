import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import { OverviewDto, SlaDto, WindowQueryDto } from './dto/metrics.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

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
}
