import { Body, Controller, Get, HttpCode, Ip, Param, Post } from '@nestjs/common';
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
import { CreateCaseDto, LinkAlertsDto, MergeCasesDto } from '../../modules/cases';
import { CaseDetailDto } from './case-detail.dto';
import { CaseWorkflow } from './case-workflow';

/** Case routes that reach into alerts and actions (the rest are in the cases module). */
@ApiTags('cases')
@Controller('cases')
export class CaseWorkflowController {
  constructor(private readonly workflow: CaseWorkflow) {}

  @Post()
  @Roles(...ANALYST_PLUS)
  @ApiOperation({
    summary: 'Open a case, optionally with alerts',
    description:
      'Severity defaults to the highest of the alerts named, else MEDIUM; ackDueAt and dueAt ' +
      'follow from SLA_TARGETS.',
  })
  @ApiCreatedResponse({ type: CaseDetailDto })
  @ApiBadRequestResponse({ description: 'Invalid body, or an alert id that does not exist' })
  @ApiConflictResponse({ description: 'An alert named is already in another case' })
  create(
    @CurrentUser() actor: AuthUser,
    @Body() dto: CreateCaseDto,
    @Ip() ip: string,
  ): Promise<CaseDetailDto> {
    return this.workflow.create(actor, dto, ip);
  }

  @Get(':id')
  @Roles(...ALL_ROLES)
  @ApiOperation({
    summary: 'One case with its alerts, indicators and verdicts, notes, actions and timeline',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiNotFoundResponse({ description: 'No such case' })
  get(@Param('id', UuidParam) id: string): Promise<CaseDetailDto> {
    return this.workflow.detail(id);
  }

  @Post(':id/alerts')
  @HttpCode(200)
  @Roles(...ANALYST_PLUS)
  @ApiOperation({
    summary: 'Link alerts to an open case',
    description: 'Alerts already in this case are left as they are (the call is repeatable).',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiBadRequestResponse({ description: 'Invalid body, or an alert id that does not exist' })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({ description: 'The case is CLOSED, or an alert is in another case' })
  linkAlerts(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: LinkAlertsDto,
    @Ip() ip: string,
  ): Promise<CaseDetailDto> {
    return this.workflow.linkAlerts(actor, id, dto.alertIds, ip);
  }

  @Post(':id/merge')
  @HttpCode(200)
  @Roles(...ANALYST_PLUS)
  @ApiOperation({
    summary: 'Fold other cases into this one',
    description:
      'In one transaction: their alerts, notes and actions move here; each is closed as ' +
      'DUPLICATE with mergedIntoId; this case takes the highest severity; MERGED_INTO and ' +
      'MERGED_FROM events on both timelines and audit entries for every case.',
  })
  @ApiOkResponse({ type: CaseDetailDto })
  @ApiBadRequestResponse({ description: 'This case among caseIds, or an unknown case id' })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({ description: 'This case or one of caseIds is CLOSED' })
  merge(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: MergeCasesDto,
    @Ip() ip: string,
  ): Promise<CaseDetailDto> {
    return this.workflow.merge(actor, id, dto.caseIds, ip);
  }
}
