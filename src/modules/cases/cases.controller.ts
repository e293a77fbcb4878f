import { Body, Controller, Get, Ip, Param, Patch, Post, Query } from '@nestjs/common';
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
import type { Page } from '../../common/validation/pagination.dto';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import { CasesService } from './cases.service';
import { AddNoteDto } from './dto/add-note.dto';
import { CaseDto, CaseNoteDto, toCaseDto, toCaseNoteDto } from './dto/case.dto';
import { CaseQueryDto } from './dto/case-query.dto';
import { UpdateCaseDto } from './dto/update-case.dto';

/** The case routes that need no other module; create, detail, linking and merge are in orchestration. */
@ApiTags('cases')
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Get()
  @Roles(...ALL_ROLES)
  @ApiOperation({ summary: 'Cases, newest first' })
  @ApiOkResponse({ type: CaseDto, isArray: true })
  async list(@Query() query: CaseQueryDto): Promise<Page<CaseDto>> {
    const page = await this.cases.list(query);
    return { ...page, items: page.items.map(toCaseDto) };
  }

  @Patch(':id')
  @Roles(...ANALYST_PLUS)
  @ApiOperation({
    summary: 'Change status, severity, assignee, title, description or classification',
    description:
      'Every change is a timeline event (before/after) and an audit entry. Closing needs a ' +
      'resolution; reopening (CLOSED -> IN_TRIAGE) clears closedAt and the resolution. A new ' +
      'severity recomputes ackDueAt and dueAt from createdAt.',
  })
  @ApiOkResponse({ type: CaseDto })
  @ApiBadRequestResponse({
    description:
      'Closing without a resolution, a resolution on an open case, or an assignee ' +
      'who is not an active ANALYST, APPROVER or ADMIN',
  })
  @ApiNotFoundResponse({ description: 'No such case' })
  @ApiConflictResponse({ description: 'Illegal status transition (the message names both)' })
  async update(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateCaseDto,
    @Ip() ip: string,
  ): Promise<CaseDto> {
    return toCaseDto(await this.cases.update(actor, id, dto, ip));
  }

  @Post(':id/notes')
  @Roles(...ANALYST_PLUS)
  @ApiOperation({ summary: 'Add a note (on the timeline as NOTE_ADDED)' })
  @ApiCreatedResponse({ type: CaseNoteDto })
  @ApiNotFoundResponse({ description: 'No such case' })
  async addNote(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Body() dto: AddNoteDto,
    @Ip() ip: string,
  ): Promise<CaseNoteDto> {
    const note = await this.cases.addNote(actor, id, dto.note, ip);
    return toCaseNoteDto({
      ...note,
      author: { id: actor.id, email: actor.email, name: actor.name },
    });
  }
}
