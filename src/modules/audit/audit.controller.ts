import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../../common/decorators/access.decorator';
import { AUDIT_READERS } from '../../common/auth/role-groups';
import type { Page } from '../../common/validation/pagination.dto';
import { AuditService, type AuditVerification } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditEntryDto, AuditVerificationDto, toAuditEntryDto } from './dto/audit-entry.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Search the audit log, newest first' })
  @ApiOkResponse({ type: AuditEntryDto, isArray: true })
  async list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const page = await this.audit.list(query);
    return { ...page, items: page.items.map(toAuditEntryDto) };
  }

  @Get('verify')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Check the hash chain; reports the first altered or missing entry' })
  @ApiOkResponse({ type: AuditVerificationDto })
  verify(): Promise<AuditVerification> {
    return this.audit.verify();
  }
}
