import { Body, Controller, Get, Ip, Param, Put } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { ADMIN_ONLY } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { IntegrationDto, toIntegrationDto } from './dto/integration.dto';
import { UpdateIntegrationDto } from './dto/update-integration.dto';
import { INTEGRATION_NAMES } from './integration-catalog';
import { IntegrationsService } from './integrations.service';

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
  @ApiParam({ name: 'name', enum: INTEGRATION_NAMES })
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
}
