import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Patch,
  Post,
  Query,
} from '@nestjs/common';
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
import { AssetsService } from './assets.service';
import {
  AssetDto,
  AssetQueryDto,
  CreateAssetDto,
  toAssetDto,
  UpdateAssetDto,
} from './dto/asset.dto';

@ApiTags('assets')
@Controller('assets')
export class AssetsController {
  constructor(private readonly assets: AssetsService) {}

  @Get()
  @Roles(...ANALYST_PLUS)
  @ApiOperation({ summary: 'Known hosts and their criticality (raises the risk of their alerts)' })
  @ApiOkResponse({ type: AssetDto, isArray: true })
  async list(@Query() query: AssetQueryDto): Promise<Page<AssetDto>> {
    const page = await this.assets.list(query);
    return { ...page, items: page.items.map(toAssetDto) };
  }

  @Post()
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Register an asset' })
  @ApiCreatedResponse({ type: AssetDto })
  @ApiBadRequestResponse({ description: 'Invalid host name, IP or criticality' })
  @ApiConflictResponse({ description: 'An asset with this host name exists' })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() dto: CreateAssetDto,
    @Ip() ip: string,
  ): Promise<AssetDto> {
    return toAssetDto(await this.assets.create(actor, dto, ip));
  }

  @Patch(':id')
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Change an asset' })
  @ApiOkResponse({ type: AssetDto })
  @ApiNotFoundResponse({ description: 'No such asset' })
  @ApiConflictResponse({ description: 'Another asset has this host name' })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateAssetDto,
    @Ip() ip: string,
  ): Promise<AssetDto> {
    return toAssetDto(await this.assets.update(actor, id, dto, ip));
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Remove an asset' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiNotFoundResponse({ description: 'No such asset' })
  remove(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Ip() ip: string,
  ): Promise<void> {
    return this.assets.remove(actor, id, ip);
  }
}
