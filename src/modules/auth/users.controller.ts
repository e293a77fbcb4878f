import { Body, Controller, Get, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { ADMIN_ONLY } from '../../common/auth/role-groups';
import type { AuthUser } from '../../common/auth/auth-user';
import { PaginationQueryDto, type Page } from '../../common/validation/pagination.dto';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { toUserDto, UserDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'List users' })
  @ApiOkResponse({ type: UserDto, isArray: true })
  async list(@Query() query: PaginationQueryDto): Promise<Page<UserDto>> {
    const page = await this.users.list(query);
    return { ...page, items: page.items.map(toUserDto) };
  }

  @Post()
  @Roles(...ADMIN_ONLY)
  @ApiOperation({
    summary: 'Create an active user',
    description:
      'Without a password the account cannot log in with one (e.g. Slack-only approvers).',
  })
  @ApiCreatedResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Email already registered' })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() dto: CreateUserDto,
    @Ip() ip: string,
  ): Promise<UserDto> {
    return toUserDto(await this.users.create(actor, dto, ip));
  }

  @Patch(':id')
  @Roles(...ADMIN_ONLY)
  @ApiOperation({
    summary: "Change a user's role, approve, deactivate or reactivate them, or link their Slack id",
  })
  @ApiOkResponse({ type: UserDto })
  @ApiConflictResponse({ description: 'Would leave no active ADMIN, or the Slack id is taken' })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateUserDto,
    @Ip() ip: string,
  ): Promise<UserDto> {
    return toUserDto(await this.users.update(actor, id, dto, ip));
  }
}
