import { SlackFake } from '../../../../test/fakes/slack.fake';
import { responderRequest } from '../../../../test/factories/responder-request.factory';
import { ResponderMode } from './responder';
import { ResponderError } from './responder.errors';
import { SLACK_RESPONDER, SlackResponder, slackSettings } from './slack.responder';
import { SLACK_DEFAULTS, type SlackSettings } from './slack-messenger';

describe(SlackResponder.name, () => {
  let fake: SlackFake;
  let settings: SlackSettings;

  beforeAll(async () => {
    fake = await new SlackFake().start();
    settings = {
      ...SLACK_DEFAULTS,
      botToken: fake.token,
      signingSecret: 'signing-secret',
      defaultChannel: 'C0DEFAULT',
      apiUrl: fake.apiUrl,
    };
  });
  afterAll(() => fake.stop());

  const responder = () => new SlackResponder(settings);

  it('posts Block Kit to the target channel with the action id in metadata', async () => {
    const request = responderRequest({
      target: 'C0ALERTS',
      params: { message: 'Blocked at the edge <soon>' },
    });
    const result = await responder().execute(request);

    const [call] = fake.calls('chat.postMessage').slice(-1);
    expect(call.request.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(call.args.channel).toBe('C0ALERTS');
    expect(call.args.text).toBe('[HIGH] Case #42: Port scan from 203.0.113.7');
    expect(call.args.metadata).toEqual({
      event_type: 'minisoar_notification',
      event_payload: { action_id: request.actionId },
    });
    expect(call.args.unfurl_links).toBe('false');
    const blocks = call.args.blocks as Array<Record<string, unknown>>;
    expect(blocks.map((b) => b.type)).toEqual([
      'header',
      'section',
      'section',
      'section',
      'context',
    ]);
    expect(blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: 'Blocked at the edge &lt;soon&gt;' },
    });
    const fields = (blocks[2].fields as Array<{ text: string }>).map((f) => f.text);
    expect(fields).toEqual(
      expect.arrayContaining([
        '*Severity*\nHIGH',
        '*Risk score*\n78',
        '*Case*\n#42',
        '*Requested by*\nanalyst@example.com',
      ]),
    );
    expect(blocks[3]).toMatchObject({
      text: { text: `<${request.context.link}|Open the case in Mini-SOAR>` },
    });
    expect(result.output).toEqual({ channel: 'C0ALERTS', ts: expect.stringMatching(/^\d+\.\d+$/) });
    expect(result.effects).toHaveLength(1);
    expect(fake.calls('conversations.history')).toHaveLength(0);
  });

  it('falls back to defaultChannel when the action names none', async () => {
    const result = await responder().execute(responderRequest({ target: '  ' }));
    expect(result.output.channel).toBe('C0DEFAULT');
  });

  it.each([ResponderMode.DryRun, ResponderMode.NotifyOnly])(
    'in %s mode returns the exact request with the token redacted and sends nothing',
    async (mode) => {
      const before = fake.requests.length;
      const request = responderRequest({ target: 'C0ALERTS', mode });
      const result = await responder().execute(request);
      expect(fake.requests.length).toBe(before);
      expect(result.effects).toEqual([
        {
          kind: 'http',
          method: 'POST',
          url: `${fake.apiUrl}chat.postMessage`,
          headers: { Authorization: 'Bearer [redacted]' },
          body: expect.objectContaining({
            channel: 'C0ALERTS',
            metadata: {
              event_type: 'minisoar_notification',
              event_payload: { action_id: request.actionId },
            },
          }),
        },
      ]);
      expect(JSON.stringify(result)).not.toContain(fake.token);
    },
  );

  it('on a retry finds the post whose answer was lost and does not post twice', async () => {
    const request = responderRequest({ target: 'C0RETRY' });
    fake.dropNextAnswer('chat.postMessage');
    await expect(responder().execute(request)).rejects.toThrow(ResponderError);
    expect(fake.messages.filter((m) => m.channel === 'C0RETRY')).toHaveLength(1);

    const retried = await responder().execute({ ...request, attempt: 2 });
    expect(retried.alreadyDone).toBe(true);
    expect(retried.output).toEqual({
      channel: 'C0RETRY',
      ts: fake.messages.find((m) => m.channel === 'C0RETRY')?.ts,
    });
    expect(fake.messages.filter((m) => m.channel === 'C0RETRY')).toHaveLength(1);
    const [history] = fake.calls('conversations.history').slice(-1);
    expect(history.args).toMatchObject({ channel: 'C0RETRY', include_all_metadata: 'true' });
  });

  it('still posts on a retry when the history cannot be read (a channel given by name)', async () => {
    const result = await responder().execute(responderRequest({ target: '#soc', attempt: 2 }));
    expect(result.alreadyDone).toBe(false);
    expect(result.output.channel).toBe('CSOC');
  });

  it("fails with Slack's error code, not retryable, when Slack refuses", async () => {
    fake.failNext('chat.postMessage', 'channel_not_found');
    const failure = await responder()
      .execute(responderRequest({ target: 'C0GONE' }))
      .catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ResponderError);
    expect((failure as ResponderError).message).toBe(
      'slack: chat.postMessage refused: channel_not_found',
    );
    expect((failure as ResponderError).retryable).toBe(false);
  });

  it('fails retryably when Slack cannot be reached', async () => {
    const offline = new SlackResponder({ ...settings, apiUrl: 'http://127.0.0.1:9/api/' });
    const failure = await offline.execute(responderRequest()).catch((e: unknown) => e);
    expect((failure as ResponderError).message).toMatch(
      /^slack: chat.postMessage: cannot reach Slack/,
    );
    expect((failure as ResponderError).retryable).toBe(true);
  });

  it('refuses an apiUrl the SSRF guard does not allow', async () => {
    const metadata = new SlackResponder({ ...settings, apiUrl: 'http://169.254.169.254/api/' });
    const failure = await metadata.execute(responderRequest()).catch((e: unknown) => e);
    expect((failure as ResponderError).message).toBe(
      'slack: chat.postMessage: Outbound connection to 169.254.169.254 refused: a cloud metadata address',
    );
    expect((failure as ResponderError).retryable).toBe(false);
  });

  it('tests the connection with auth.test, and reports a refused token without revealing it', async () => {
    const config = {
      enabled: true,
      settings: { defaultChannel: 'C0DEFAULT', apiUrl: fake.apiUrl },
      secrets: { botToken: fake.token, signingSecret: 's' },
    };
    await expect(SLACK_RESPONDER.testConnection?.(config)).resolves.toEqual({
      ok: true,
      detail: 'authenticated to SOC Team as minisoar',
    });
    const wrong = { ...config, secrets: { botToken: 'xoxb-wrong', signingSecret: 's' } };
    const result = await SLACK_RESPONDER.testConnection?.(wrong);
    expect(result).toEqual({
      ok: false,
      detail: 'slack test failed: slack: auth.test refused: invalid_auth',
    });
  });

  it('names the missing setting', () => {
    expect(() =>
      slackSettings({ settings: { defaultChannel: 'C1' }, secrets: { signingSecret: 's' } }),
    ).toThrow('settings.botToken is required');
    expect(() => SLACK_RESPONDER.create({ enabled: true, settings: {}, secrets: {} }, {})).toThrow(
      'slack: not configured: settings.botToken is required',
    );
  });
});
