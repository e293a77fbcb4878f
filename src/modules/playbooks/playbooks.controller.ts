import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Post,
  Put,
  Query,
  Res,
} from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import {
  ApiBadRequestResponse,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { ADMIN_ONLY, ALL_ROLES, ANALYST_PLUS } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { YAML_BODY_ROUTE } from '../../common/http/yaml-body';
import type { Page } from '../../common/validation/pagination.dto';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import {
  PlaybookDto,
  PlaybookVersionDto,
  toPlaybookDto,
  toPlaybookVersionDto,
} from './dto/playbook.dto';
import {
  PlaybookQueryDto,
  ReplayPlaybookDto,
  ReplayResultDto,
  RollbackPlaybookDto,
} from './dto/playbook-requests.dto';
import { VersionParamPipe } from './dto/version-param.pipe';
import { PlaybookReplayService } from './playbook-replay.service';
import { PlaybooksService } from './playbooks.service';

const VersionParam = new VersionParamPipe();
const DEFINITION_BODY = ApiBody({
  description:
    'A playbook definition (README, "Playbooks"), as JSON or as YAML with Content-Type: application/yaml',
  schema: { type: 'object', additionalProperties: true },
});

@ApiTags('playbooks')
@Controller('playbooks')
export class PlaybooksController {
  constructor(
    private readonly playbooks: PlaybooksService,
    private readonly replays: PlaybookReplayService,
  ) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Playbooks, by name' })
  @ApiOkResponse({ type: PlaybookDto, isArray: true })
  async list(@Query() query: PlaybookQueryDto): Promise<Page<PlaybookDto>> {
    const page = await this.playbooks.list(query);
    return { ...page, items: page.items.map((playbook) => toPlaybookDto(playbook)) };
  }

  @Post()
  @Roles(...ANALYST_PLUS)
  @RouteConfig(YAML_BODY_ROUTE)
  @ApiConsumes('application/json', 'application/yaml')
  @DEFINITION_BODY
  @ApiOperation({ summary: 'Create a playbook (version 1)' })
  @ApiCreatedResponse({ type: PlaybookDto })
  @ApiBadRequestResponse({ description: 'Invalid definition: each message names the bad path' })
  @ApiConflictResponse({ description: 'A playbook with this name exists' })
  async create(
    @CurrentUser() actor: AuthUser,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<PlaybookDto> {
    const playbook = await this.playbooks.create(actor, body, ip);
    return this.withDefinition(playbook.id);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'A playbook with its current definition' })
  @ApiOkResponse({ type: PlaybookDto })
  @ApiNotFoundResponse({ description: 'No such playbook' })
  get(@Param('id', UuidParam) id: string): Promise<PlaybookDto> {
    return this.withDefinition(id);
  }

  @Put(':id')
  @Roles(...ANALYST_PLUS)
  @RouteConfig(YAML_BODY_ROUTE)
  @ApiConsumes('application/json', 'application/yaml')
  @DEFINITION_BODY
  @ApiOperation({ summary: 'Save a new immutable version; runs keep the version they ran' })
  @ApiOkResponse({ type: PlaybookDto })
  @ApiBadRequestResponse({ description: 'Invalid definition: each message names the bad path' })
  @ApiNotFoundResponse({ description: 'No such playbook' })
  @ApiConflictResponse({
    description: 'Name taken by another playbook, or the playbook was deleted',
  })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() body: unknown,
    @Ip() ip: string,
  ): Promise<PlaybookDto> {
    await this.playbooks.update(actor, id, body, ip);
    return this.withDefinition(id);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Disable the playbook for good; its versions and runs stay' })
  @ApiNoContentResponse({ description: 'Disabled' })
  @ApiNotFoundResponse({ description: 'No such playbook' })
  remove(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Ip() ip: string,
  ): Promise<void> {
    return this.playbooks.remove(actor, id, ip);
  }

  @Get(':id/versions')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Every version, newest first' })
  @ApiOkResponse({ type: PlaybookVersionDto, isArray: true })
  @ApiNotFoundResponse({ description: 'No such playbook' })
  async versions(@Param('id', UuidParam) id: string): Promise<PlaybookVersionDto[]> {
    const { playbook, versions } = await this.playbooks.versions(id);
    return versions.map((v) => toPlaybookVersionDto(v, playbook.currentVersion));
  }

  @Get(':id/versions/:version')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One version' })
  @ApiOkResponse({ type: PlaybookVersionDto })
  @ApiNotFoundResponse({ description: 'No such playbook or version' })
  async version(
    @Param('id', UuidParam) id: string,
    @Param('version', VersionParam) version: number,
  ): Promise<PlaybookVersionDto> {
    const found = await this.playbooks.version(id, version);
    return toPlaybookVersionDto(found.version, found.playbook.currentVersion);
  }

  @Post(':id/rollback')
  @HttpCode(200)
  @Roles(...ANALYST_PLUS)
  @ApiOperation({ summary: 'Make an old version current again (saved as a new version)' })
  @ApiOkResponse({ type: PlaybookDto })
  @ApiNotFoundResponse({ description: 'No such playbook or version' })
  @ApiConflictResponse({
    description: 'Name taken by another playbook, or the playbook was deleted',
  })
  async rollback(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: RollbackPlaybookDto,
    @Ip() ip: string,
  ): Promise<PlaybookDto> {
    await this.playbooks.rollback(actor, id, dto.version, ip);
    return this.withDefinition(id);
  }

  @Get(':id/export')
  @Roles(...ALL_ROLES)
  @ApiProduces('application/yaml')
  @ApiOperation({
    summary: 'The current definition as YAML (POST it back for the same definition)',
  })
  @ApiOkResponse({ schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No such playbook' })
  async exportYaml(
    @Param('id', UuidParam) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const yaml = await this.playbooks.exportYaml(id);
    // Set only on success: an error keeps the filter's JSON body and type.
    void reply.type('application/yaml; charset=utf-8');
    return yaml;
  }

  @Post(':id/replay')
  @HttpCode(200)
  @Roles(...ANALYST_PLUS)
  @ApiOperation({
    summary:
      'Which stored alerts would have matched, and which steps would have run; acts on nothing',
  })
  @ApiOkResponse({ type: ReplayResultDto })
  @ApiBadRequestResponse({ description: 'Bad window or limit' })
  @ApiNotFoundResponse({ description: 'No such playbook' })
  replay(
    @Param('id', UuidParam) id: string,
    @Body() dto: ReplayPlaybookDto,
  ): Promise<ReplayResultDto> {
    return this.replays.replay(id, dto);
  }

  private async withDefinition(id: string): Promise<PlaybookDto> {
    const { playbook, definition } = await this.playbooks.get(id);
    return toPlaybookDto(playbook, definition);
  }
}
