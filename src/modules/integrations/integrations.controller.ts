import { Body, Controller, Get, HttpCode, Ip, Param, Post, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { ADMIN_ONLY } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { IntegrationDto, toIntegrationDto } from './dto/integration.dto';
import { UpdateIntegrationDto } from './dto/update-integration.dto';
import { ConnectivityResultDto } from './dto/connectivity-result.dto';
import { IntegrationsService } from './integrations.service';

const INTEGRATION_NAME = 'An integration name, as GET /integrations lists them';

@ApiTags('integrations')
@Controller('integrations')
export class IntegrationsController {
  constructor(private readonly integrations: IntegrationsService) {}

  @Get()
  @Roles(...ADMIN_ONLY)
  @ApiOperation({
    summary: 'Threat-intel providers and responders: effective settings and where they come from',
  })
  @ApiOkResponse({ type: IntegrationDto, isArray: true })
  async list(): Promise<IntegrationDto[]> {
    return (await this.integrations.snapshot()).views().map(toIntegrationDto);
  }

  @Put(':name')
  @Roles(...ADMIN_ONLY)
  @ApiOperation({
    summary: 'Enable, disable or configure an integration (applies without a restart)',
  })
  @ApiParam({ name: 'name', description: INTEGRATION_NAME })
  @ApiOkResponse({ type: IntegrationDto })
  @ApiBadRequestResponse({ description: 'A setting is invalid; the message names it' })
  @ApiNotFoundResponse({ description: 'No integration of that name' })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('name') name: string,
    @Body() dto: UpdateIntegrationDto,
    @Ip() ip: string,
  ): Promise<IntegrationDto> {
    return toIntegrationDto(await this.integrations.update(actor, name, dto, ip));
  }

  @Post(':name/test')
  @HttpCode(200)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({
    summary: 'A harmless call that checks connectivity and credentials (enabled or not)',
  })
  @ApiParam({ name: 'name', description: INTEGRATION_NAME })
  @ApiOkResponse({ type: ConnectivityResultDto })
  @ApiNotFoundResponse({ description: 'No integration of that name' })
  @ApiUnprocessableEntityResponse({ description: 'The integration has no connectivity test yet' })
  test(@Param('name') name: string): Promise<ConnectivityResultDto> {
    return this.integrations.testConnection(name);
  }
}
