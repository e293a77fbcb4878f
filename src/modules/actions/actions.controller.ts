import {
  Body,
  Controller,
  Get,
  HttpCode,
  Ip,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { AuthUser } from '../../common/auth/auth-user';
import { ADMIN_ONLY, ALL_ROLES, ANALYST_PLUS, APPROVERS } from '../../common/auth/role-groups';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { Page } from '../../common/validation/pagination.dto';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import { ActionsService, type ExecutionStarted } from './actions.service';
import { ActionDto, toActionDto } from './dto/action.dto';
import { ActionQueryDto } from './dto/action-query.dto';
import { RejectActionDto } from './dto/reject-action.dto';
import { RequestActionDto } from './dto/request-action.dto';

const CHANGED_OR_STATE =
  'Not in the needed state, expired (it becomes EXPIRED), or changed since it was requested/approved';

@ApiTags('actions')
@Controller()
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Post('cases/:caseId/actions')
  @Roles(...ANALYST_PLUS)
  @ApiOperation({
    summary: 'Request a response action on a case',
    description:
      'BLOCK_IP, DISABLE_USER and ISOLATE_HOST wait for approval (REQUESTED; two approvers for a ' +
      'CRITICAL asset); notifications and tickets run at once (EXECUTING).',
  })
  @ApiCreatedResponse({ type: ActionDto })
  @ApiBadRequestResponse({ description: 'Target not valid for the action type, or bad params' })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiUnprocessableEntityResponse({ description: 'The target is allow-listed' })
  async request(
    @CurrentUser() actor: AuthUser,
    @Param('caseId', UuidParam) caseId: string,
    @Body() dto: RequestActionDto,
    @Ip() ip: string,
  ): Promise<ActionDto> {
    return toActionDto(await this.actions.request(actor, caseId, dto, ip));
  }

  @Get('actions')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Actions, newest first' })
  @ApiOkResponse({ type: ActionDto, isArray: true })
  async list(@Query() query: ActionQueryDto): Promise<Page<ActionDto>> {
    const page = await this.actions.list(query);
    return { ...page, items: page.items.map(toActionDto) };
  }

  @Get('actions/:id')
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'One action with its approvals, output and effects' })
  @ApiOkResponse({ type: ActionDto })
  @ApiNotFoundResponse({ description: 'No such action' })
  async get(@Param('id', UuidParam) id: string): Promise<ActionDto> {
    return toActionDto(await this.actions.get(id));
  }

  @Patch('actions/:id/approve')
  @Roles(...APPROVERS)
  @ApiOperation({
    summary: 'Approve (four-eyes: never the requester)',
    description:
      'REQUESTED -> APPROVED; with two approvals needed it stays REQUESTED after the first.',
  })
  @ApiOkResponse({ type: ActionDto })
  @ApiForbiddenResponse({ description: 'The requester may not approve their own action' })
  @ApiNotFoundResponse({ description: 'No such action' })
  @ApiConflictResponse({ description: `${CHANGED_OR_STATE}, or already approved by you` })
  async approve(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Ip() ip: string,
  ): Promise<ActionDto> {
    return toActionDto(await this.actions.approve(actor, id, ip));
  }

  @Patch('actions/:id/reject')
  @Roles(...APPROVERS)
  @ApiOperation({ summary: 'Reject a request (REQUESTED -> REJECTED)' })
  @ApiOkResponse({ type: ActionDto })
  @ApiNotFoundResponse({ description: 'No such action' })
  @ApiConflictResponse({ description: CHANGED_OR_STATE })
  async reject(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: RejectActionDto,
    @Ip() ip: string,
  ): Promise<ActionDto> {
    return toActionDto(await this.actions.reject(actor, id, dto.reason, ip));
  }

  @Patch('actions/:id/execute')
  @HttpCode(200)
  @Roles(...APPROVERS)
  @ApiOperation({
    summary: 'Execute an approved action',
    description:
      'APPROVED -> EXECUTING, run by a queue worker: 200 with the outcome (EXECUTED or FAILED) ' +
      'when it finishes within ACTION_EXECUTE_WAIT_MS, else 202 with EXECUTING (poll GET).',
  })
  @ApiOkResponse({ type: ActionDto, description: 'Finished: EXECUTED or FAILED' })
  @ApiAcceptedResponse({ type: ActionDto, description: 'Still EXECUTING' })
  @ApiNotFoundResponse({ description: 'No such action' })
  @ApiConflictResponse({ description: `${CHANGED_OR_STATE}; a concurrent execute gets this too` })
  async execute(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActionDto> {
    return respond(await this.actions.execute(actor, id, ip), reply);
  }

  @Post('actions/:id/retry')
  @HttpCode(200)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Run a FAILED action again (same idempotency key)' })
  @ApiOkResponse({ type: ActionDto, description: 'Finished: EXECUTED or FAILED' })
  @ApiAcceptedResponse({ type: ActionDto, description: 'Still EXECUTING' })
  @ApiNotFoundResponse({ description: 'No such action' })
  @ApiConflictResponse({ description: 'Not FAILED, or changed since it was requested/approved' })
  async retry(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Ip() ip: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActionDto> {
    return respond(await this.actions.retry(actor, id, ip), reply);
  }
}

function respond(started: ExecutionStarted, reply: FastifyReply): ActionDto {
  if (!started.finished) reply.status(202);
  return toActionDto(started.action);
}
