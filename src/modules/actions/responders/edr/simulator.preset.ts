import { createHash } from 'node:crypto';
import { ActionType } from '../../../../generated/prisma/enums';
import {
  ResponderMode,
  type PlannedEffect,
  type Responder,
  type ResponderRequest,
  type ResponderResult,
} from '../responder';
import type { EdrPresetImplementation } from './edr.responder';

/** Hosts the simulator holds contained, process-wide: host name -> the action that did it. */
const contained = new Map<string, string>();

/**
 * A built-in stand-in for an EDR: containment is a deterministic record in memory (no
 * database, no network), so ISOLATE_HOST can be tried end to end without a vendor. A second
 * request for a host already contained changes nothing.
 */
export class EdrSimulatorResponder implements Responder {
  readonly name = 'edr';
  readonly actionTypes = [ActionType.ISOLATE_HOST];

  execute(request: ResponderRequest): Promise<ResponderResult> {
    const hostname = request.target.toLowerCase();
    const deviceId = simulatedDeviceId(hostname);
    const effect: PlannedEffect = {
      kind: 'http',
      method: 'POST',
      url: `simulator://edr/devices/${deviceId}/contain`,
      body: { hostname, comment: `Mini-SOAR action ${request.actionId}` },
    };
    const output = { preset: 'simulator', hostname, deviceId };
    if (request.mode !== ResponderMode.Live) return Promise.resolve({ output, effects: [effect] });
    const by = contained.get(hostname);
    if (by !== undefined)
      return Promise.resolve({
        output: { ...output, status: 'contained', containedBy: by },
        effects: [],
        alreadyDone: true,
      });
    contained.set(hostname, request.actionId);
    return Promise.resolve({
      output: { ...output, status: 'contained', containedBy: request.actionId },
      effects: [effect],
    });
  }

  testConnection(): Promise<{ ok: boolean; detail: string }> {
    return Promise.resolve({ ok: true, detail: 'built-in EDR simulator: always available' });
  }
}

/** The same host always gets the same simulated device id. */
export function simulatedDeviceId(hostname: string): string {
  return createHash('sha256').update(`simulator:${hostname}`).digest('hex').slice(0, 32);
}

export const EDR_SIMULATOR: EdrPresetImplementation = {
  create: () => new EdrSimulatorResponder(),
};
