import { randomUUID } from 'node:crypto';
import type { Severity } from '../../src/generated/prisma/enums';
import { runSql } from '../helpers/sql';
import type { TestApp } from '../helpers/test-app';

export interface SeededVerdict {
  provider: string;
  verdict: 'MALICIOUS' | 'SUSPICIOUS' | 'HARMLESS' | 'UNKNOWN';
  queriedAt: string;
}

export interface SeededObservable {
  type: 'IPV4' | 'DOMAIN' | 'SHA256';
  value: string;
  verdicts?: SeededVerdict[];
}

export interface CaseView {
  id: string;
  title: string;
  description: string | null;
  status: string;
  severity: string;
  assigneeId: string | null;
  resolution: string | null;
  resolutionNote: string | null;
  mergedIntoId: string | null;
  ticketKey: string | null;
  ticketUrl: string | null;
  createdAt: string;
  acknowledgedAt: string | null;
  containedAt: string | null;
  closedAt: string | null;
  ackDueAt: string | null;
  dueAt: string | null;
  assignee?: { id: string; email: string } | null;
  alertCount?: number;
  alerts?: { id: string; caseId: string }[];
  observables?: {
    type: string;
    value: string;
    alertCount: number;
    latestVerdicts: { provider: string; verdict: string; queriedAt: string }[];
  }[];
  notes?: { id: string; note: string; author: { id: string } | null }[];
  actions?: { id: string; caseId: string; status: string }[];
  timeline?: {
    type: string;
    actor: { id: string; email: string } | null;
    at: string;
    data: Record<string, unknown> & {
      before?: Record<string, unknown> | null;
      after?: Record<string, unknown>;
    };
  }[];
}

/**
 * A processed alert with its indicators and verdicts, written straight into the tables the
 * pipeline fills (these tests are about cases, not the pipeline).
 */
export async function seedAlert(
  t: TestApp,
  severity: Severity,
  observables: SeededObservable[] = [],
): Promise<string> {
  const alertId = randomUUID();
  await runSql(
    t.databaseUrl,
    `INSERT INTO alerts (id, source, connector, raw_payload, title, severity, risk_score, state,
                         received_at, processed_at, updated_at)
     VALUES ($1, 'test', 'generic', '{}', $2, $3::"Severity", 50, 'PROCESSED', now(), now(), now())`,
    [alertId, `seeded ${severity} alert`, severity],
  );
  for (const observable of observables) {
    const observableId = randomUUID();
    await runSql(
      t.databaseUrl,
      `INSERT INTO observables (id, alert_id, type, value, stix_type)
       VALUES ($1, $2, $3::"ObservableType", $4, 'x')`,
      [observableId, alertId, observable.type, observable.value],
    );
    for (const verdict of observable.verdicts ?? [])
      await runSql(
        t.databaseUrl,
        `INSERT INTO enrichment_results (id, observable_id, provider, verdict, reputation_score,
                                         summary, queried_at)
         VALUES ($1, $2, $3, $4::"Verdict", 0.5, 'seeded', $5)`,
        [randomUUID(), observableId, verdict.provider, verdict.verdict, verdict.queriedAt],
      );
  }
  return alertId;
}
