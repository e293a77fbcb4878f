import { Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import { Database } from '../../database/database';
import { inTransaction } from '../../database/pg-transaction';
import type { PlaybookRunStatus, PlaybookStepStatus } from '../../generated/prisma/enums';
import type { EvaluationContext, PlaybookDefinition } from '../../modules/playbooks';

export interface RunRow {
  id: string;
  playbookId: string;
  playbookName: string;
  playbookVersionId: string;
  version: number;
  caseId: string | null;
  alertId: string | null;
  status: PlaybookRunStatus;
  dryRun: boolean;
  trigger: string;
  error: string | null;
  triggeredById: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface StepRow {
  id: string;
  stepId: string;
  stepIndex: number;
  iteration: number;
  action: string;
  status: PlaybookStepStatus;
  renderedParams: unknown;
  output: unknown;
  error: string | null;
  actionId: string | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface NewRun {
  playbookId: string;
  playbookVersionId: string;
  version: number;
  caseId: string | null;
  alertId: string | null;
  dryRun: boolean;
  trigger: string;
  triggeredById: string | null;
}

/** A playbook's current version, as runs pin it. */
export interface PlaybookVersionRow {
  playbookId: string;
  playbookVersionId: string;
  version: number;
  name: string;
  enabled: boolean;
  dryRun: boolean;
  definition: PlaybookDefinition;
}

const RUN_COLUMNS = `
r.id, r.playbook_id AS "playbookId", p.name AS "playbookName",
r.playbook_version_id AS "playbookVersionId", r.version, r.case_id AS "caseId",
r.alert_id AS "alertId", r.status, r.dry_run AS "dryRun", r.trigger, r.error,
r.triggered_by_id AS "triggeredById", r.started_at AS "startedAt", r.finished_at AS "finishedAt"`;

const STEP_COLUMNS = `
id, step_id AS "stepId", step_index AS "stepIndex", iteration, action, status,
rendered_params AS "renderedParams", output, error, action_id AS "actionId",
started_at AS "startedAt", finished_at AS "finishedAt"`;

const CURRENT_VERSIONS = `
SELECT p.id AS "playbookId", v.id AS "playbookVersionId", v.version, p.name, p.enabled,
       p.mode = 'DRY_RUN' AS "dryRun", v.definition
  FROM playbooks p JOIN playbook_versions v ON v.playbook_id = p.id AND v.version = p.current_version`;

/** Inserts a run; an automatic one only once per (alert, version): a conflict returns nothing. */
const INSERT_RUN = `
INSERT INTO playbook_runs (id, playbook_id, playbook_version_id, version, case_id, alert_id,
                           dry_run, trigger, triggered_by_id)
VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)
ON CONFLICT DO NOTHING RETURNING id`;

/**
 * Claims a step (or one for_each iteration). A RUNNING one was left by a worker that died
 * (the run's jobs never overlap), so it is claimed again; a finished one is not.
 */
const START_STEP = `
INSERT INTO playbook_run_steps (id, run_id, step_id, step_index, iteration, action, rendered_params)
VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6)
ON CONFLICT (run_id, step_id, iteration) DO UPDATE
   SET status = 'RUNNING', started_at = now(), finished_at = NULL, error = NULL,
       rendered_params = EXCLUDED.rendered_params, action_id = NULL
 WHERE playbook_run_steps.status = 'RUNNING'
RETURNING ${STEP_COLUMNS}`;

const CASE_CONTEXT = `
SELECT id, status::text AS status, severity::text AS severity, assignee_id AS "assigneeId", title
  FROM cases WHERE id = $1`;

/** playbook_runs and playbook_run_steps; reads playbook versions, alerts and cases. */
@Injectable()
export class PlaybookRunsRepository {
  constructor(private readonly database: Database) {}

  get pool(): Pool {
    return this.database.pool;
  }

  transaction<T>(work: (client: PoolClient) => Promise<T>): Promise<T> {
    return inTransaction(this.pool, work);
  }

  async currentVersion(playbookId: string): Promise<PlaybookVersionRow | null> {
    const { rows } = await this.pool.query<PlaybookVersionRow>(
      `${CURRENT_VERSIONS} WHERE p.id = $1`,
      [playbookId],
    );
    return rows[0] ?? null;
  }

  async enabledVersions(): Promise<PlaybookVersionRow[]> {
    const { rows } = await this.pool.query<PlaybookVersionRow>(
      `${CURRENT_VERSIONS} WHERE p.enabled ORDER BY p.name`,
    );
    return rows;
  }

  /** Changes whenever a playbook is added, changed, enabled or disabled. */
  async playbooksStamp(): Promise<string> {
    const { rows } = await this.pool.query<{ stamp: string }>(
      `SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') AS stamp FROM playbooks`,
    );
    return rows[0].stamp;
  }

  async insertRun(client: Pool | PoolClient, run: NewRun): Promise<string | null> {
    const { rows } = await client.query<{ id: string }>(INSERT_RUN, [
      run.playbookId,
      run.playbookVersionId,
      run.version,
      run.caseId,
      run.alertId,
      run.dryRun,
      run.trigger,
      run.triggeredById,
    ]);
    return rows[0]?.id ?? null;
  }

  async findRun(runId: string, client: Pool | PoolClient = this.pool): Promise<RunRow | null> {
    const { rows } = await client.query<RunRow>(
      `SELECT ${RUN_COLUMNS} FROM playbook_runs r JOIN playbooks p ON p.id = r.playbook_id WHERE r.id = $1`,
      [runId],
    );
    return rows[0] ?? null;
  }

  async definition(versionId: string): Promise<PlaybookDefinition> {
    const { rows } = await this.pool.query<{ definition: PlaybookDefinition }>(
      'SELECT definition FROM playbook_versions WHERE id = $1',
      [versionId],
    );
    return rows[0].definition;
  }

  async listRuns(filter: {
    playbookId?: string;
    status?: PlaybookRunStatus;
    limit: number;
    offset: number;
  }): Promise<{ items: RunRow[]; total: number }> {
    const where = `WHERE ($1::uuid IS NULL OR r.playbook_id = $1)
      AND ($2::"PlaybookRunStatus" IS NULL OR r.status = $2)`;
    const params = [filter.playbookId ?? null, filter.status ?? null];
    const [items, total] = await Promise.all([
      this.pool.query<RunRow>(
        `SELECT ${RUN_COLUMNS} FROM playbook_runs r JOIN playbooks p ON p.id = r.playbook_id ${where}
          ORDER BY r.started_at DESC, r.id LIMIT $3 OFFSET $4`,
        [...params, filter.limit, filter.offset],
      ),
      this.pool.query<{ total: number }>(
        `SELECT count(*)::int AS total FROM playbook_runs r ${where}`,
        params,
      ),
    ]);
    return { items: items.rows, total: total.rows[0].total };
  }

  async steps(runId: string): Promise<StepRow[]> {
    const { rows } = await this.pool.query<StepRow>(
      `SELECT ${STEP_COLUMNS} FROM playbook_run_steps WHERE run_id = $1 ORDER BY step_index, iteration`,
      [runId],
    );
    return rows;
  }

  /** Null when the step is already claimed (running elsewhere, or finished). */
  async startStep(
    runId: string,
    step: { stepId: string; index: number; iteration: number; action: string; params: unknown },
  ): Promise<StepRow | null> {
    const { rows } = await this.pool.query<StepRow>(START_STEP, [
      runId,
      step.stepId,
      step.index,
      step.iteration,
      step.action,
      JSON.stringify(step.params ?? null),
    ]);
    return rows[0] ?? null;
  }

  async finishStep(
    client: Pool | PoolClient,
    stepRowId: string,
    status: PlaybookStepStatus,
    result: { output?: unknown; error?: string | null },
  ): Promise<void> {
    await client.query(
      `UPDATE playbook_run_steps SET status = $2, output = $3, error = $4, finished_at = now()
        WHERE id = $1`,
      [stepRowId, status, JSON.stringify(result.output ?? null), result.error ?? null],
    );
  }

  /** Parks a step on the action it requested, in the request's transaction. */
  async parkStep(client: PoolClient, stepRowId: string, actionId: string): Promise<void> {
    await client.query(
      `UPDATE playbook_run_steps SET status = 'WAITING', action_id = $2 WHERE id = $1`,
      [stepRowId, actionId],
    );
  }

  /**
   * Settles the step parked on `actionId`, only if it still waits: true when exactly this
   * call settled it (a duplicate resume changes nothing).
   */
  async settleParked(
    client: PoolClient,
    actionId: string,
    status: PlaybookStepStatus,
    result: { output?: unknown; error?: string | null },
  ): Promise<boolean> {
    const { rowCount } = await client.query(
      `UPDATE playbook_run_steps SET status = $2, output = $3, error = $4, finished_at = now()
        WHERE action_id = $1 AND status = 'WAITING'`,
      [actionId, status, JSON.stringify(result.output ?? null), result.error ?? null],
    );
    return rowCount === 1;
  }

  /** A retry runs the failed steps again: their rows go (the audit entry keeps the errors). */
  async clearFailedSteps(client: PoolClient, runId: string): Promise<void> {
    await client.query(`DELETE FROM playbook_run_steps WHERE run_id = $1 AND status = 'FAILED'`, [
      runId,
    ]);
  }

  async setRunStatus(
    client: Pool | PoolClient,
    runId: string,
    status: PlaybookRunStatus,
    change: { error?: string | null; finished?: boolean; caseId?: string | null } = {},
  ): Promise<void> {
    await client.query(
      `UPDATE playbook_runs SET status = $2, error = $3,
              finished_at = CASE WHEN $4 THEN now() ELSE NULL END,
              case_id = coalesce($5, case_id)
        WHERE id = $1`,
      [runId, status, change.error ?? null, change.finished ?? false, change.caseId ?? null],
    );
  }

  async fingerprint(alertId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ fingerprint: string | null }>(
      'SELECT fingerprint FROM alerts WHERE id = $1',
      [alertId],
    );
    return rows[0]?.fingerprint ?? null;
  }

  async caseContext(caseId: string): Promise<EvaluationContext['case'] | null> {
    const { rows } = await this.pool.query<NonNullable<EvaluationContext['case']>>(CASE_CONTEXT, [
      caseId,
    ]);
    return rows[0] ?? null;
  }

  /** The alert a case was opened for (its first), for a run started on a case. */
  async firstAlertOfCase(caseId: string): Promise<string | null> {
    const { rows } = await this.pool.query<{ id: string }>(
      'SELECT id FROM alerts WHERE case_id = $1 ORDER BY received_at, id LIMIT 1',
      [caseId],
    );
    return rows[0]?.id ?? null;
  }
}
