import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ADMIN_ONLY } from '../../common/auth/role-groups';
import type { AuthUser } from '../../common/auth/auth-user';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyDto, CreateApiKeyDto, CreatedApiKeyDto, toApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@Controller('api-keys')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Create an ingest API key (the key is shown only in this response)' })
  @ApiCreatedResponse({ type: CreatedApiKeyDto })
  create(
    @CurrentUser() actor: AuthUser,
    @Body() dto: CreateApiKeyDto,
    @Ip() ip: string,
  ): Promise<CreatedApiKeyDto> {
    return this.apiKeys.create(actor, dto, ip);
  }

  @Get()
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'List ingest API keys (never the key itself)' })
  @ApiOkResponse({ type: ApiKeyDto, isArray: true })
  async list(): Promise<ApiKeyDto[]> {
    return (await this.apiKeys.list()).map(toApiKeyDto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Revoke an ingest API key (takes effect within seconds everywhere)' })
  @ApiNoContentResponse()
  async revoke(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Ip() ip: string,
  ): Promise<void> {
    await this.apiKeys.revoke(actor, id, ip);
  }
}
