import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { ADMIN_ONLY, ANALYST_PLUS } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { Page } from '../../common/validation/pagination.dto';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import { AllowlistService } from './allowlist.service';
import {
  AllowlistEntryDto,
  AllowlistQueryDto,
  CreateAllowlistEntryDto,
  toAllowlistEntryDto,
} from './dto/allowlist-entry.dto';

@ApiTags('allowlist')
@Controller('allowlist')
export class AllowlistController {
  constructor(private readonly allowlist: AllowlistService) {}

  @Get()
  @Roles(...ANALYST_PLUS)
  @ApiOperation({ summary: 'Allow-listed indicators: never enriched externally, never acted on' })
  @ApiOkResponse({ type: AllowlistEntryDto, isArray: true })
  async list(@Query() query: AllowlistQueryDto): Promise<Page<AllowlistEntryDto>> {
    const page = await this.allowlist.list(query);
    return { ...page, items: page.items.map(toAllowlistEntryDto) };
  }

  @Post()
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Allow-list an IP, CIDR range, domain, URL or hash' })
  @ApiCreatedResponse({ type: AllowlistEntryDto })
  @ApiBadRequestResponse({ description: 'The value does not fit its type' })
  @ApiConflictResponse({ description: 'Already allow-listed' })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() dto: CreateAllowlistEntryDto,
    @Ip() ip: string,
  ): Promise<AllowlistEntryDto> {
    return toAllowlistEntryDto(await this.allowlist.create(actor, dto, ip));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Remove an allow-list entry' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such entry' })
  remove(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Ip() ip: string,
  ): Promise<void> {
    return this.allowlist.remove(actor, id, ip);
  }
}
