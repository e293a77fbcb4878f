import { Controller, Get, HttpCode, Ip, Param, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ADMIN_ONLY, ANALYST_PLUS } from '../../common/auth/role-groups';
import type { AuthUser } from '../../common/auth/auth-user';
import { Roles } from '../../common/decorators/access.decorator';
import { CurrentUser } from '../../common/decorators/current-user.decorator';
import type { Page } from '../../common/validation/pagination.dto';
import { UuidParam } from '../../common/validation/uuid-param.pipe';
import { JobDto, JobsQueryDto, toJobDto } from './dto/job.dto';
import { JobsService } from './jobs.service';

@ApiTags('jobs')
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobsService) {}

  @Get()
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Automation jobs, newest first (e.g. ?state=failed)' })
  @ApiOkResponse({ type: JobDto, isArray: true })
  async list(@Query() query: JobsQueryDto): Promise<Page<JobDto>> {
    const page = await this.jobs.list(query);
    return { ...page, items: page.items.map(toJobDto) };
  }

  @Get(':id')
  @Roles(...ANALYST_PLUS)
  @ApiOperation({ summary: "A job's state: queued, processing, done or failed" })
  @ApiOkResponse({ type: JobDto })
  async get(@Param('id', UuidParam) id: string): Promise<JobDto> {
    return toJobDto(await this.jobs.get(id));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Roles(...ADMIN_ONLY)
  @ApiOperation({ summary: 'Run a failed job again' })
  @ApiOkResponse({ type: JobDto })
  @ApiConflictResponse({ description: 'The job is not failed' })
  async retry(
    @CurrentUser() actor: AuthUser,
    @Param('id', UuidParam) id: string,
    @Ip() ip: string,
  ): Promise<JobDto> {
    return toJobDto(await this.jobs.retry(actor, id, ip));
  }
}
