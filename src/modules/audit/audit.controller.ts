import { Controller, Get, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { Roles } from '../../common/decorators/access.decorator';
import { AUDIT_READERS } from '../../common/auth/role-groups';
import type { Page } from '../../common/validation/pagination.dto';
import type { AuditCheckpoint } from './audit-checkpoint';
import { AuditService, type AuditPublicKey, type AuditVerification } from './audit.service';
import { AuditQueryDto } from './dto/audit-query.dto';
import { AuditVerifyQueryDto } from './dto/audit-verify-query.dto';
import {
  AuditCheckpointDto,
  AuditEntryDto,
  AuditPublicKeyDto,
  AuditVerificationDto,
  toAuditEntryDto,
} from './dto/audit-entry.dto';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'Search the sealed audit log, newest first' })
  @ApiOkResponse({ type: AuditEntryDto, isArray: true })
  async list(@Query() query: AuditQueryDto): Promise<Page<AuditEntryDto>> {
    const page = await this.audit.list(query);
    return { ...page, items: page.items.map(toAuditEntryDto) };
  }

  @Get('verify')
  @Roles(...AUDIT_READERS)
  @ApiOperation({
    summary:
      'Check the keyed chain; with ?checkpoint= also that the entry it names is still there, unchanged',
  })
  @ApiOkResponse({ type: AuditVerificationDto })
  @ApiBadRequestResponse({ description: 'checkpoint is not base64 of a checkpoint JSON' })
  @ApiUnprocessableEntityResponse({ description: 'the checkpoint signature does not verify' })
  verify(@Query() query: AuditVerifyQueryDto): Promise<AuditVerification> {
    return this.audit.verify(query.checkpoint);
  }

  @Get('checkpoint')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'The signed head of the log: keep it outside the database' })
  @ApiOkResponse({ type: AuditCheckpointDto })
  checkpoint(): Promise<AuditCheckpoint> {
    return this.audit.checkpoint();
  }

  @Get('public-key')
  @Roles(...AUDIT_READERS)
  @ApiOperation({ summary: 'The Ed25519 public key that checkpoint signatures verify with' })
  @ApiOkResponse({ type: AuditPublicKeyDto })
  publicKey(): AuditPublicKey {
    return this.audit.publicKey();
  }
}
