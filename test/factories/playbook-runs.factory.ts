import type { TestApp } from '../helpers/test-app';
import { waitFor } from '../helpers/processes';

export interface RunStepView {
  stepId: string;
  iteration: number;
  action: string;
  status: string;
  renderedParams: Record<string, unknown> | null;
  output: Record<string, unknown> | null;
  error: string | null;
  actionId: string | null;
}

export interface RunView {
  id: string;
  playbookId: string;
  version: number;
  caseId: string | null;
  alertId: string | null;
  status: string;
  dryRun: boolean;
  trigger: string;
  error: string | null;
  steps?: RunStepView[];
}

/** A playbook saved through the API (validated as any other). */
export async function seedPlaybook(
  t: TestApp,
  token: string,
  definition: Record<string, unknown> & { name: string },
): Promise<string> {
  const response = await t
    .http()
    .post('/playbooks')
    .auth(token, { type: 'bearer' })
    .send(definition)
    .expect(201);
  return (response.body as { id: string }).id;
}

export async function getRun(t: TestApp, token: string, id: string): Promise<RunView> {
  return (await t.http().get(`/playbook-runs/${id}`).auth(token, { type: 'bearer' }).expect(200))
    .body as RunView;
}

/** Waits until the run reaches one of `statuses` (generous: never a speed assertion). */
export function waitForRun(
  t: TestApp,
  token: string,
  id: string,
  statuses: string[],
): Promise<RunView> {
  return waitFor(
    `run ${id} to reach ${statuses.join(' or ')}`,
    async () => {
      const run = await getRun(t, token, id);
      return statuses.includes(run.status) ? run : undefined;
    },
    30_000,
    100,
  );
}
