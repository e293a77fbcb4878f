import type { TestApp } from './test-app';
import { waitFor } from './processes';

export interface AlertView {
  id: string;
  state: string;
  status: string;
  severity: string | null;
  riskScore: number | null;
  caseId: string | null;
  occurrences: number;
  autoClosed: boolean;
  duplicateOfId: string | null;
  normalized: Record<string, unknown> | null;
  scoreBreakdown: { factor: string; points: number; reason: string }[] | null;
  observables: {
    type: string;
    value: string;
    internal: boolean;
    allowlisted: boolean;
    enrichments: { provider: string; verdict: string; mock: boolean }[];
  }[];
  [key: string]: unknown;
}

/** Waits until the pipeline has finished with an alert (PROCESSED or FAILED) and returns its full view. */
export function waitForProcessed(
  t: TestApp,
  token: string,
  alertId: string,
  timeoutMs = 20_000,
): Promise<AlertView> {
  return waitFor(
    `alert ${alertId} to be processed`,
    async () => {
      const response = await t.http().get(`/alerts/${alertId}`).auth(token, { type: 'bearer' });
      const alert = response.body as AlertView;
      return alert.state === 'PROCESSED' || alert.state === 'FAILED' ? alert : undefined;
    },
    timeoutMs,
    100,
  );
}
