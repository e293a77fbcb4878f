import { AuditSealer } from '../../src/modules/audit/audit-sealer';
import type { TestApp } from './test-app';

/** Entries are staged first and sealed in the background: seal now before reading audit_log. */
export async function sealAudit(t: TestApp): Promise<void> {
  await t.app.get(AuditSealer).sealPending();
}
