import { ActionType } from '../../../../generated/prisma/enums';
import { IntegrationSettingsError } from '../../../integrations';
import { ResponderMode, type ResponderRequest } from '../responder';
import { EDR_RESPONDER } from './edr.responder';
import { simulatedDeviceId } from './simulator.preset';

const config = (settings: object = {}) => ({
  enabled: true,
  settings: settings as never,
  secrets: {},
});
const request = (
  actionId: string,
  hostname: string,
  mode = ResponderMode.Live,
): ResponderRequest => ({
  actionId,
  actionType: ActionType.ISOLATE_HOST,
  target: hostname,
  params: {},
  context: { caseId: 'c1' },
  mode,
});

describe('edr responder', () => {
  it('is built in and on by default, with the simulator preset', () => {
    expect(EDR_RESPONDER.enabledByDefault).toBe(true);
    expect(EDR_RESPONDER.defaults).toMatchObject({ preset: 'simulator' });
    expect(EDR_RESPONDER.secretKeys).toEqual(['clientSecret']);
  });

  it('simulator: contains a host once, deterministically, and says so on a repeat', async () => {
    const responder = EDR_RESPONDER.create(config(), {});
    const first = await responder.execute(request('a1', 'ws-sim-1.corp.example.com'));
    expect(first.output).toMatchObject({
      preset: 'simulator',
      deviceId: simulatedDeviceId('ws-sim-1.corp.example.com'),
      status: 'contained',
      containedBy: 'a1',
    });
    expect(first.effects).toHaveLength(1);
    const again = await EDR_RESPONDER.create(config(), {}).execute(
      request('a1', 'ws-sim-1.corp.example.com'),
    );
    expect(again).toMatchObject({ alreadyDone: true, effects: [], output: { containedBy: 'a1' } });
  });

  it('simulator: notify-only records the effect and contains nothing', async () => {
    const responder = EDR_RESPONDER.create(config(), {});
    const planned = await responder.execute(request('a2', 'ws-sim-2', ResponderMode.NotifyOnly));
    expect(planned.effects[0]).toMatchObject({ kind: 'http', method: 'POST' });
    const live = await responder.execute(request('a3', 'ws-sim-2'));
    expect(live.alreadyDone).toBeUndefined();
  });

  it('refuses an unknown preset naming the field', () => {
    expect(() => EDR_RESPONDER.validate?.(config({ preset: 'nope' }))).toThrow(
      IntegrationSettingsError,
    );
    expect(() => EDR_RESPONDER.validate?.(config({ preset: 'nope' }))).toThrow(/settings.preset/);
  });
});
