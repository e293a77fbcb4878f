import { QueueName } from './queue-names';

/** The data each queue's jobs carry: ids only, the rows hold the state. */
export interface JobMap {
  [QueueName.ProcessAlert]: { alertId: string };
  [QueueName.ReenrichAlert]: { alertId: string; round: number };
  [QueueName.SweepStuckAlerts]: Record<string, never>;
}
