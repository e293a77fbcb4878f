import { TeamsFake } from '../../../../test/fakes/teams.fake';
import { responderRequest } from '../../../../test/factories/responder-request.factory';
import { ActionType } from '../../../generated/prisma/enums';
import { ResponderMode } from './responder';
import { ResponderError } from './responder.errors';
import { TEAMS_RESPONDER, TeamsResponder } from './teams.responder';

describe(TeamsResponder.name, () => {
  let fake: TeamsFake;

  beforeAll(async () => {
    fake = await new TeamsFake().start();
  });
  afterAll(() => fake.stop());
  afterEach(() => {
    fake.status = 202;
    fake.hang = false;
  });

  const responder = (webhookUrl = fake.webhookUrl, timeoutMs = 10_000) =>
    new TeamsResponder({ webhookUrl, timeoutMs });
  const request = () =>
    responderRequest({ actionType: ActionType.NOTIFY_TEAMS, target: 'SOC channel' });

  it('posts one message with the Adaptive Card as its attachment', async () => {
    const action = request();
    const result = await responder().execute(action);

    const [post] = fake.posts.slice(-1);
    expect(post.method).toBe('POST');
    expect(post.headers['content-type']).toBe('application/json');
    expect(post.query.get('sig')).toBe(fake.signature);
    const body = post.body as { type: string; attachments: Array<Record<string, unknown>> };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0].content).toMatchObject({
      type: 'AdaptiveCard',
      version: '1.4',
      actions: [{ type: 'Action.OpenUrl', title: 'Open the case', url: action.context.link }],
    });
    expect(result).toEqual({
      output: { status: 202 },
      effects: [expect.objectContaining({ kind: 'http' })],
    });
  });

  it.each([ResponderMode.DryRun, ResponderMode.NotifyOnly])(
    'in %s mode returns the request with the webhook URL (its signature) redacted, sending nothing',
    async (mode) => {
      const before = fake.posts.length;
      const result = await responder().execute({ ...request(), mode });
      expect(fake.posts.length).toBe(before);
      expect(result.effects).toEqual([
        {
          kind: 'http',
          method: 'POST',
          url: `${fake.url}/[redacted]`,
          headers: {},
          body: expect.objectContaining({ type: 'message' }),
        },
      ]);
      expect(JSON.stringify(result)).not.toContain(fake.signature);
    },
  );

  it('fails without retry when the webhook refuses the signature, naming no URL', async () => {
    const wrong = fake.webhookUrl.replace(fake.signature, 'forged');
    const failure = await responder(wrong)
      .execute(request())
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ResponderError);
    expect((failure as ResponderError).message).toBe(
      'teams: Teams webhook: HTTP 401 credentials refused',
    );
    expect((failure as ResponderError).retryable).toBe(false);
  });

  it('fails retryably on a server error and on a webhook that never answers', async () => {
    fake.status = 503;
    const unavailable = await responder()
      .execute(request())
      .catch((e: unknown) => e);
    expect((unavailable as ResponderError).message).toBe(
      'teams: Teams webhook: HTTP 503 temporarily unavailable',
    );
    expect((unavailable as ResponderError).retryable).toBe(true);

    fake.hang = true;
    const silent = await responder(fake.webhookUrl, 200)
      .execute(request())
      .catch((e: unknown) => e);
    expect((silent as ResponderError).message).toBe(
      'teams: Teams webhook: no answer within 200 ms',
    );
    expect((silent as ResponderError).retryable).toBe(true);
  });

  it('tests the connection by reaching the host only: the channel gets no message', async () => {
    const before = fake.requests.length;
    const config = { enabled: true, settings: {}, secrets: { webhookUrl: fake.webhookUrl } };
    const result = await TEAMS_RESPONDER.testConnection?.(config);
    expect(result?.ok).toBe(true);
    expect(result?.detail).toMatch(
      /^TCP connection to 127\.0\.0\.1:\d+ succeeded; no message posted/,
    );
    expect(fake.requests.length).toBe(before);

    const closed = { ...config, secrets: { webhookUrl: 'http://127.0.0.1:9/workflows/x' } };
    await expect(TEAMS_RESPONDER.testConnection?.(closed)).resolves.toEqual({
      ok: false,
      detail: 'teams test failed: cannot reach 127.0.0.1:9: ECONNREFUSED',
    });
  });

  it('refuses a webhook URL that is not http(s)', () => {
    expect(() =>
      TEAMS_RESPONDER.validate?.({
        enabled: true,
        settings: {},
        secrets: { webhookUrl: 'file:///etc/passwd' },
      }),
    ).toThrow('settings.webhookUrl must be an http(s) URL');
  });
});
