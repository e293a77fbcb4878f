import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { AuthUser } from '../../common/auth/auth-user';
import { ALL_ROLES, ANALYST_PLUS } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import {
  PlaybookRunDto,
  PlaybookRunPageDto,
  PlaybookRunQueryDto,
  StartPlaybookRunDto,
} from './dto/playbook-run.dto';
import { PlaybookRunsService } from './playbook-runs.service';

const RUN_ANSWER =
  'Answers once the run finishes, parks or the wait (ACTION_EXECUTE_WAIT_MS) runs out; ' +
  'per-step results so far.';

/** Running playbooks by hand, and their run history (definitions are in the playbooks module). */
@ApiTags('playbooks')
@Controller()
export class PlaybookRunsController {
  constructor(private readonly runs: PlaybookRunsService) {}

  @Post('playbooks/run/:caseId')
  @Roles(...ANALYST_PLUS)
  @ApiOperation({
    summary: 'Run every enabled playbook whose trigger matches the case',
    description: RUN_ANSWER,
  })
  @ApiCreatedResponse({ type: [PlaybookRunDto] })
  @ApiNotFoundResponse({ description: 'No such case' })
  runForCase(
    @CurrentUser() actor: AuthUser,
    @Param('caseId', UuidParam) caseId: string,
  ): Promise<PlaybookRunDto[]> {
    return this.runs.runForCase(actor, caseId);
  }

  @Post('playbooks/:id/run')
  @Roles(...ANALYST_PLUS)
  @ApiOperation({ summary: 'Run a playbook on a case or an alert', description: RUN_ANSWER })
  @ApiCreatedResponse({ type: PlaybookRunDto })
  @ApiBadRequestResponse({ description: 'Neither caseId nor alertId, or they disagree' })
  @ApiNotFoundResponse({ description: 'No such playbook, case or alert' })
  @ApiConflictResponse({ description: 'The playbook is disabled' })
  run(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: StartPlaybookRunDto,
  ): Promise<PlaybookRunDto> {
    return this.runs.run(actor, id, dto);
  }

  @Get('playbooks/:id/runs')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: "A playbook's runs, newest first" })
  @ApiOkResponse({ type: PlaybookRunPageDto })
  @ApiNotFoundResponse({ description: 'No such playbook' })
  listForPlaybook(@Param('id', UuidParam) id: string, @Query() query: PlaybookRunQueryDto) {
    return this.runs.list(query, id);
  }

  @Get('playbook-runs')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Runs of every playbook, newest first (`?status=failed`)' })
  @ApiOkResponse({ type: PlaybookRunPageDto })
  list(@Query() query: PlaybookRunQueryDto) {
    return this.runs.list(query);
  }

  @Get('playbook-runs/:id')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'One run: each step with its status, start and end, rendered params, output, error',
  })
  @ApiOkResponse({ type: PlaybookRunDto })
  @ApiNotFoundResponse({ description: 'No such run' })
  get(@Param('id', UuidParam) id: string): Promise<PlaybookRunDto> {
    return this.runs.get(id);
  }

  @Post('playbook-runs/:id/retry')
  @HttpCode(200)
  @Roles(...ANALYST_PLUS)
  @ApiOperation({ summary: 'Resume a FAILED run from its failed step', description: RUN_ANSWER })
  @ApiOkResponse({ type: PlaybookRunDto })
  @ApiNotFoundResponse({ description: 'No such run' })
  @ApiConflictResponse({ description: 'The run is not FAILED' })
  retry(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
  ): Promise<PlaybookRunDto> {
    return this.runs.retry(actor, id);
  }
}
