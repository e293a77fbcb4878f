import { Body, Controller, Get, Ip, Param, Patch, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_ROLES, ANALYST_PLUS } from '../../common/auth/role-groups';
import type { AuthUser } from '../../common/auth/auth-user';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { Page } from '../../common/validation/pagination.dto';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import { AlertsService } from './alerts.service';
import { AlertQueryDto } from './dto/alert-query.dto';
import { AlertReadQueryDto } from './dto/alert-read-query.dto';
import {
  AlertDetailDto,
  AlertSummaryDto,
  toAlertDetailDto,
  toAlertSummaryDto,
} from './dto/alert.dto';
import { UpdateAlertDto } from './dto/update-alert.dto';

@ApiTags('alerts')
@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'Search alerts, newest first (ip/domain/hash/url match through the observables index)',
  })
  @ApiOkResponse({ type: AlertSummaryDto, isArray: true })
  async list(@Query() query: AlertQueryDto): Promise<Page<AlertSummaryDto>> {
    const page = await this.alerts.list(query);
    return { ...page, items: page.items.map(toAlertSummaryDto) };
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary:
      'The full alert: raw and normalized payloads, observables with verdicts, score breakdown ' +
      '(`?wait=10` first waits up to 10 s for the pipeline to finish with it)',
  })
  @ApiOkResponse({ type: AlertDetailDto })
  @ApiNotFoundResponse()
  async get(
    @Param('id', UuidParam) id: string,
    @Query() query: AlertReadQueryDto,
  ): Promise<AlertDetailDto> {
    return toAlertDetailDto(await this.alerts.get(id, query.wait));
  }

  @Patch(':id')
  @Roles(...ANALYST_PLUS)
  @ApiOperation({ summary: 'Triage an alert: NEW, IN_PROGRESS, CLOSED or FALSE_POSITIVE' })
  @ApiOkResponse({ type: AlertSummaryDto })
  @ApiNotFoundResponse()
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateAlertDto,
    @Ip() ip: string,
  ): Promise<AlertSummaryDto> {
    return toAlertSummaryDto(await this.alerts.update(actor, id, dto, ip));
  }
}
