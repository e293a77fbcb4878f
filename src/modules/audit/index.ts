export { AuditModule } from './audit.module';
export { AuditService, type AuditInput } from './audit.service';
export {
  apiKeyActor,
  slackActor,
  systemActor,
  userActor,
  type AuditActor,
  type AuditActorType,
} from './audit-actor';
export { AuditAction } from './audit-action';
export { canonicalJson } from './audit-chain';
export { stageSystemAuditSql, type SystemAuditStatement } from './audit.sql';
