export { CasesModule } from './cases.module';
export { CasesService, type AlertForCase, type CaseLink } from './cases.service';
