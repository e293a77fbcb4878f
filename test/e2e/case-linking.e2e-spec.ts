import { randomUUID } from 'node:crypto';
import { AuditService } from '../../src/modules/audit/audit.service';
import { CasesService } from '../../src/modules/cases/cases.service';
import { Severity } from '../../src/generated/prisma/enums';
import { sealAudit } from '../helpers/audit';
import { runSql } from '../helpers/sql';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('Automatic case linking (e2e)', () => {
  let t: TestApp;
  let cases: CasesService;
  const alert = (fingerprint: string, severity: Severity = Severity.HIGH) => ({
    id: randomUUID(),
    title: `alert of ${fingerprint}`,
    severity,
    riskScore: 80,
    fingerprint,
  });
  const events = (caseId: string) =>
    runSql<{ type: string; data: Record<string, unknown> }>(
      t.databaseUrl,
      'SELECT type, data FROM case_events WHERE case_id = $1 ORDER BY type',
      [caseId],
    );

  beforeAll(async () => {
    t = await startTestApp();
    cases = t.app.get(CasesService);
  });
  afterAll(() => t.close());

  it('opens a case with its events and one audit entry, and a retried job gets the same case', async () => {
    const first = alert('fp-retry');
    const opened = await cases.openOrAttachForAlert(first);
    expect(opened.created).toBe(true);
    const retried = await cases.openOrAttachForAlert(first);
    expect(retried).toEqual({ caseId: opened.caseId, created: false });
    expect((await events(opened.caseId)).map((e) => e.type)).toEqual(['CREATED', 'ALERT_LINKED']);
    await sealAudit(t);
    const audited = await runSql(
      t.databaseUrl,
      `SELECT 1 FROM audit_log WHERE action = 'case.created' AND entity_id = $1`,
      [opened.caseId],
    );
    expect(audited).toHaveLength(1);
  });

  it('leaves the alert row to the alerts module', async () => {
    const linked = alert('fp-owner');
    await runSql(
      t.databaseUrl,
      `INSERT INTO alerts (id, source, connector, raw_payload, received_at, updated_at)
       VALUES ($1, 'test', 'generic', '{}', now(), now())`,
      [linked.id],
    );
    await cases.openOrAttachForAlert(linked);
    const [row] = await runSql<{ case_id: string | null }>(
      t.databaseUrl,
      'SELECT case_id FROM alerts WHERE id = $1',
      [linked.id],
    );
    expect(row.case_id).toBeNull();
  });

  it('attaches repeats to the open case and raises its severity once', async () => {
    const opened = await cases.openOrAttachForAlert(alert('fp-attach', Severity.HIGH));
    const critical = alert('fp-attach', Severity.CRITICAL);
    const attached = await cases.openOrAttachForAlert(critical);
    expect(attached).toEqual({ caseId: opened.caseId, created: false });
    await cases.openOrAttachForAlert(critical);
    const types = (await events(opened.caseId)).map((e) => e.type);
    expect(types.filter((type) => type === 'ALERT_LINKED')).toHaveLength(2);
    expect(types.filter((type) => type === 'SEVERITY_CHANGED')).toHaveLength(1);
    const [kase] = await runSql<{ severity: string }>(
      t.databaseUrl,
      'SELECT severity FROM cases WHERE id = $1',
      [opened.caseId],
    );
    expect(kase.severity).toBe('CRITICAL');
  });

  it('sets the SLA deadlines on opening and recomputes them from createdAt when a repeat raises the severity', async () => {
    const deadlines = async (caseId: string) => {
      const [row] = await runSql<{ ack: number; due: number }>(
        t.databaseUrl,
        `SELECT extract(epoch FROM ack_due_at - created_at)::int AS ack,
                extract(epoch FROM due_at - created_at)::int AS due
           FROM cases WHERE id = $1`,
        [caseId],
      );
      return row;
    };
    const opened = await cases.openOrAttachForAlert(alert('fp-sla', Severity.HIGH));
    expect(await deadlines(opened.caseId)).toEqual({ ack: 3600, due: 86400 });
    const critical = alert('fp-sla', Severity.CRITICAL);
    await cases.openOrAttachForAlert(critical);
    expect(await deadlines(opened.caseId)).toEqual({ ack: 900, due: 4 * 3600 });
    const raised = (await events(opened.caseId)).find((e) => e.type === 'SEVERITY_CHANGED')!;
    expect(raised.data).toMatchObject({
      before: { severity: 'HIGH' },
      after: { severity: 'CRITICAL' },
      alertId: critical.id,
      automatic: true,
    });
  });

  it('opens one case per fingerprint when many workers link at once', async () => {
    const alerts = Array.from({ length: 40 }, (_, i) => alert(`fp-storm-${i % 10}`));
    const links = await Promise.all(alerts.map((a) => cases.openOrAttachForAlert(a)));
    expect(links.filter((link) => link.created)).toHaveLength(10);
    expect(new Set(links.map((link) => link.caseId)).size).toBe(10);
    expect((await t.app.get(AuditService).verify()).valid).toBe(true);
  });
});
