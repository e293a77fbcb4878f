export { CasesModule } from './cases.module';
export { CasesService, type AlertForCase, type CaseLink } from './cases.service';
export { CaseMergeService, type MergeCollaborators } from './case-merge.service';
export type { CaseAlertLinks, CaseActionMover, LinkableAlert } from './case-links';
export type { CaseRecord } from './cases.repository';
export { CreateCaseDto } from './dto/create-case.dto';
export { LinkAlertsDto, MergeCasesDto } from './dto/case-ids.dto';
export {
  CaseDto,
  CaseEventDto,
  CaseNoteDto,
  PersonDto,
  toCaseDto,
  toCaseEventDto,
  toCaseNoteDto,
} from './dto/case.dto';
