import { AuditSealer } from '../../src/modules/audit/audit-sealer';
import type { TestApp } from './test-app';

/** Entries are staged first and sealed in the background: seal now before reading audit_log. */
export async function sealAudit(t: TestApp): Promise<void> {
  await t.app.get(AuditSealer).sealPending();
}

/** GET /audit/verify (as an AUDITOR or ADMIN) answers that the chain is valid; its report. */
export async function expectAuditChainValid(
  t: TestApp,
  token: string,
): Promise<{ valid: boolean; checked: number }> {
  const { body } = await t.http().get('/audit/verify').auth(token, { type: 'bearer' }).expect(200);
  expect(body).toMatchObject({ valid: true });
  return body as { valid: boolean; checked: number };
}
