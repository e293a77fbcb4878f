import { responderFailure } from '../../../../../test/helpers/responder-failure';
import { CrowdStrikeFake } from '../../../../../test/fakes/crowdstrike.fake';
import { configureOutboundPolicy } from '../../../../common/http/outbound';
import { ActionType } from '../../../../generated/prisma/enums';
import { IntegrationSettingsError } from '../../../integrations';
import { ResponderMode } from '../responder';
import { EDR_RESPONDER, edrSettings } from './edr.responder';

describe('edr preset crowdstrike (Falcon API)', () => {
  let falcon: CrowdStrikeFake;
  const config = (secret?: string) => ({
    enabled: true,
    settings: { preset: 'crowdstrike', baseUrl: falcon.url, clientId: falcon.clientId },
    secrets: { clientSecret: secret ?? falcon.clientSecret },
  });
  const isolate = (hostname: string, mode = ResponderMode.Live, secret?: string) =>
    EDR_RESPONDER.create(config(secret), {}).execute({
      actionId: 'action-7',
      actionType: ActionType.ISOLATE_HOST,
      target: hostname,
      params: {},
      context: { caseId: 'case-1' },
      mode,
    });
  beforeAll(() => configureOutboundPolicy(['127.0.0.0/8']));
  beforeEach(async () => {
    falcon = await new CrowdStrikeFake().start();
  });
  afterEach(() => falcon.stop());

  it('gets a token, finds the host by hostname, reads its status, then contains it', async () => {
    const id = falcon.addDevice('ws-042');
    falcon.addDevice('ws-043');

    const result = await isolate('ws-042');

    expect(falcon.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /oauth2/token',
      'GET /devices/queries/devices/v1',
      'GET /devices/entities/devices/v2',
      'POST /devices/entities/devices-actions/v2',
    ]);
    const [token, query, details, contain] = falcon.requests;
    expect(token.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect(token.body).toEqual({ client_id: falcon.clientId, client_secret: falcon.clientSecret });
    expect(query.query.get('filter')).toBe("hostname:'ws-042'");
    expect(details.query.getAll('ids')).toEqual([id]);
    expect(contain.query.get('action_name')).toBe('contain');
    expect(contain.body).toEqual({ ids: [id] });
    for (const request of [query, details, contain])
      expect(request.headers.authorization).toBe('Bearer cs-token-1');
    expect(falcon.devices[0].status).toBe('containment_pending');
    expect(falcon.devices[1].status).toBe('normal');
    expect(result.output).toEqual({
      preset: 'crowdstrike',
      hostname: 'ws-042',
      deviceId: id,
      statusBefore: 'normal',
      status: 'containment_pending',
    });
    expect(result.effects).toEqual([
      {
        kind: 'http',
        method: 'POST',
        url: `${falcon.url}/devices/entities/devices-actions/v2?action_name=contain`,
        headers: { Authorization: '[redacted]' },
        body: { ids: [id] },
      },
    ]);
  });

  it.each(['contained', 'containment_pending'])(
    'a host already %s is alreadyDone: no second contain',
    async (status) => {
      falcon.addDevice('ws-042', status);
      const result = await isolate('ws-042');
      expect(result).toMatchObject({ alreadyDone: true, effects: [] });
      expect(falcon.containRequests).toHaveLength(0);
    },
  );

  it('a retry after success does not contain twice', async () => {
    falcon.addDevice('ws-042');
    await isolate('ws-042');
    const again = await isolate('ws-042');
    expect(again.alreadyDone).toBe(true);
    expect(falcon.containRequests).toHaveLength(1);
  });

  it('no matching device: FAILED with the reason', async () => {
    const error = await responderFailure(isolate('ghost'));
    expect(error.message).toBe(
      'edr: no device named "ghost" in CrowdStrike Falcon; exactly one is required',
    );
    expect(error.retryable).toBe(false);
  });

  it('two matching devices: FAILED with the reason, nothing contained', async () => {
    falcon.addDevice('dup');
    falcon.addDevice('DUP');
    const error = await responderFailure(isolate('dup'));
    expect(error.message).toBe(
      'edr: 2 devices named "dup" in CrowdStrike Falcon; exactly one is required',
    );
    expect(falcon.containRequests).toHaveLength(0);
  });

  it('notify-only looks up and returns the exact contain request, sending none', async () => {
    falcon.addDevice('ws-042');
    const result = await isolate('ws-042', ResponderMode.NotifyOnly);
    expect(result.effects).toHaveLength(1);
    expect(JSON.stringify(result)).not.toMatch(/cs-token|cs-secret/);
    expect(falcon.containRequests).toHaveLength(0);
    expect(falcon.devices[0].status).toBe('normal');
  });

  it('a refused client secret fails on the token, not retryable', async () => {
    const error = await responderFailure(isolate('ws-042', ResponderMode.Live, 'wrong'));
    expect(error.message).toBe('edr: OAuth2 token: HTTP 403 credentials refused');
    expect(error.retryable).toBe(false);
  });

  it('testConnection gets a token and runs a device query', async () => {
    await expect(EDR_RESPONDER.testConnection!(config())).resolves.toEqual({
      ok: true,
      detail: 'CrowdStrike token issued and the device query answered',
    });
  });

  it('requires baseUrl, clientId and clientSecret', () => {
    const check = () =>
      edrSettings({
        settings: { preset: 'crowdstrike', baseUrl: 'https://api.crowdstrike.com' },
        secrets: {},
      });
    expect(check).toThrow(IntegrationSettingsError);
    expect(check).toThrow('settings.clientId');
  });
});
