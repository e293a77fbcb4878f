import { responderFailure } from '../../../../../test/helpers/responder-failure';
import { DefenderFake } from '../../../../../test/fakes/defender.fake';
import { configureOutboundPolicy } from '../../../../common/http/outbound';
import { ActionType } from '../../../../generated/prisma/enums';
import { IntegrationSettingsError } from '../../../integrations';
import { ResponderMode } from '../responder';
import { EDR_RESPONDER, edrSettings } from './edr.responder';

describe('edr preset defender (Defender for Endpoint API)', () => {
  let mde: DefenderFake;
  const config = () => ({
    enabled: true,
    settings: {
      preset: 'defender',
      baseUrl: mde.url,
      tokenUrl: mde.tokenUrl,
      clientId: mde.clientId,
    },
    secrets: { clientSecret: mde.clientSecret },
  });
  const isolate = (hostname: string, mode = ResponderMode.Live) =>
    EDR_RESPONDER.create(config(), {}).execute({
      actionId: 'action-9',
      actionType: ActionType.ISOLATE_HOST,
      target: hostname,
      params: {},
      context: { caseId: 'case-1', reason: 'ransomware beacon' },
      mode,
    });
  beforeAll(() => configureOutboundPolicy(['127.0.0.0/8']));
  beforeEach(async () => {
    mde = await new DefenderFake().start();
  });
  afterEach(() => mde.stop());

  it('gets a token, finds the machine by computerDnsName, checks its actions, isolates it', async () => {
    const id = mde.addMachine('ws-042.corp.example');
    mde.addMachine('ws-043.corp.example');

    const result = await isolate('ws-042.corp.example');

    expect(mde.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /tenant-id/oauth2/v2.0/token',
      'GET /api/machines',
      'GET /api/machineactions',
      `POST /api/machines/${id}/isolate`,
    ]);
    const [token, lookup, actions, post] = mde.requests;
    expect(token.body).toEqual({
      client_id: mde.clientId,
      client_secret: mde.clientSecret,
      grant_type: 'client_credentials',
      scope: 'https://api.securitycenter.microsoft.com/.default',
    });
    expect(lookup.query.get('$filter')).toBe("computerDnsName eq 'ws-042.corp.example'");
    expect(actions.query.get('$filter')).toBe(`machineId eq '${id}'`);
    expect(post.headers['content-type']).toMatch(/^application\/json/);
    expect(post.body).toEqual({
      Comment: 'Mini-SOAR action action-9: ransomware beacon',
      IsolationType: 'Full',
    });
    for (const request of [lookup, actions, post])
      expect(request.headers.authorization).toBe('Bearer def-token-1');
    expect(mde.actions).toHaveLength(1);
    expect(result.output).toMatchObject({
      preset: 'defender',
      machineId: id,
      isolationBefore: 'none',
      status: 'Pending',
    });
    expect(result.effects).toEqual([
      {
        kind: 'http',
        method: 'POST',
        url: `${mde.url}/api/machines/${id}/isolate`,
        headers: { Authorization: '[redacted]' },
        body: { Comment: 'Mini-SOAR action action-9: ransomware beacon', IsolationType: 'Full' },
      },
    ]);
  });

  it('a retry sees the live Isolate action: alreadyDone, no second isolate', async () => {
    mde.addMachine('ws-042');
    await isolate('ws-042');
    const again = await isolate('ws-042');
    expect(again).toMatchObject({
      alreadyDone: true,
      effects: [],
      output: { isolationBefore: 'Isolate Pending' },
    });
    expect(mde.isolateRequests).toHaveLength(1);
  });

  it('a machine released since (latest action Unisolate) is isolated again', async () => {
    const id = mde.addMachine('ws-042');
    const base = { scope: 'Full', machineId: id, computerDnsName: 'ws-042', requestorComment: '' };
    mde.actions.push(
      {
        ...base,
        id: 'a1',
        type: 'Isolate',
        status: 'Succeeded',
        creationDateTimeUtc: '2025-01-01T00:00:00Z',
      },
      {
        ...base,
        id: 'a2',
        type: 'Unisolate',
        status: 'Succeeded',
        creationDateTimeUtc: '2025-01-02T00:00:00Z',
      },
    );
    const result = await isolate('ws-042');
    expect(result.alreadyDone).toBeUndefined();
    expect(mde.isolateRequests).toHaveLength(1);
  });

  it.each([
    [[], 'no device'],
    [['dup.corp', 'DUP.corp'], '2 devices'],
  ])('machines %j: FAILED (%s), nothing isolated', async (names, found) => {
    for (const name of names) mde.addMachine(name);
    const error = await responderFailure(isolate('dup.corp'));
    expect(error.message).toBe(
      `edr: ${found} named "dup.corp" in Defender for Endpoint; exactly one is required`,
    );
    expect(mde.isolateRequests).toHaveLength(0);
  });

  it('dry-run returns the exact isolate request and sends none', async () => {
    mde.addMachine('ws-042');
    const result = await isolate('ws-042', ResponderMode.DryRun);
    expect(result.effects).toHaveLength(1);
    expect(mde.isolateRequests).toHaveLength(0);
  });

  it('testConnection gets a token and lists one machine', async () => {
    await expect(EDR_RESPONDER.testConnection!(config())).resolves.toEqual({
      ok: true,
      detail: 'Defender token issued and the machines API answered',
    });
  });

  it('requires tokenUrl', () => {
    const check = () =>
      edrSettings({
        settings: {
          preset: 'defender',
          baseUrl: 'https://api.security.microsoft.com',
          clientId: 'x',
        },
        secrets: { clientSecret: 's' },
      });
    expect(check).toThrow(IntegrationSettingsError);
    expect(check).toThrow('settings.tokenUrl');
  });
});
