/** pg-boss queues. Data shapes live beside their workers. */
export enum QueueName {
  ProcessAlert = 'alert.process',
  ReenrichAlert = 'alert.reenrich',
  SweepStuckAlerts = 'alert.sweep-stuck',
  ExecuteAction = 'action.execute',
  ActionApprovalRequested = 'action.approval-requested',
  ExpireActions = 'action.expire',
  UnblockDue = 'action.unblock-due',
  PlaybookRun = 'playbook.run',
  PlaybookResume = 'playbook.resume',
  SweepStuckPlaybookRuns = 'playbook.sweep-stuck',
  CaseChanged = 'case.changed',
}

/** Queues whose jobs the jobs API lists and retries. */
export const AUTOMATION_QUEUES: QueueName[] = [QueueName.ProcessAlert, QueueName.ReenrichAlert];
