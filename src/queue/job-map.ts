import { QueueName } from './queue-names';

/** The data each queue's jobs carry: ids only, the rows hold the state. */
export interface JobMap {
  [QueueName.ProcessAlert]: { alertId: string };
  [QueueName.ReenrichAlert]: { alertId: string; round: number };
  [QueueName.SweepStuckAlerts]: Record<string, never>;
  [QueueName.ExecuteAction]: { actionId: string };
  /** A high-impact action waits for approval: tell the approvers (Slack buttons). */
  [QueueName.ActionApprovalRequested]: { actionId: string };
  [QueueName.ExpireActions]: Record<string, never>;
  /** A timed BLOCK_IP is due to be lifted. */
  [QueueName.UnblockDue]: { actionId: string };
  /** Runs (or resumes) a playbook run from its first unfinished step. */
  [QueueName.PlaybookRun]: { runId: string };
  /** An action a parked step waits on reached a final state. */
  [QueueName.PlaybookResume]: { runId: string; actionId: string };
  [QueueName.SweepStuckPlaybookRuns]: Record<string, never>;
  /** A person changed a case's status or assignee: playbooks listening to it may run. */
  [QueueName.CaseChanged]: { caseId: string; event: 'case.status_changed' | 'case.assigned' };
}
