export { AuditModule } from './audit.module';
export { AuditService, type AuditActor, type AuditInput } from './audit.service';
export { AuditAction } from './audit-action';
export { canonicalJson } from './audit-chain';
