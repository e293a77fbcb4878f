import { JiraFake } from '../../../../test/fakes/jira.fake';
import { responderRequest } from '../../../../test/factories/responder-request.factory';
import { ActionType } from '../../../generated/prisma/enums';
import { JIRA_RESPONDER, JiraResponder, JIRA_DEFAULTS, type JiraSettings } from './jira.responder';
import { ResponderMode } from './responder';
import { ResponderError } from './responder.errors';

describe(JiraResponder.name, () => {
  let fake: JiraFake;
  let settings: JiraSettings;

  beforeAll(async () => {
    fake = await new JiraFake().start();
    settings = {
      ...JIRA_DEFAULTS,
      baseUrl: `${fake.url}/`,
      email: fake.email,
      apiToken: fake.apiToken,
      projectKey: 'SOC',
    };
  });
  afterAll(() => fake.stop());

  const responder = (overrides: Partial<JiraSettings> = {}) =>
    JIRA_RESPONDER.create(
      {
        enabled: true,
        settings: { ...settings, apiToken: null, ...overrides },
        secrets: { apiToken: overrides.apiToken ?? settings.apiToken },
      },
      {},
    );
  const ticket = (overrides = {}) =>
    responderRequest({
      actionType: ActionType.CREATE_TICKET,
      params: { message: 'Scan of 1,024 ports.\nSource blocked.' },
      ...overrides,
    });

  it('creates the issue with basic auth, ADF description and the idempotency label', async () => {
    const request = ticket();
    const result = await responder().execute(request);

    const [search] = fake.searches.slice(-1);
    expect(search.query.get('jql')).toBe(`labels = "minisoar-${request.actionId}"`);
    const [create] = fake.creates.slice(-1);
    expect(create.method).toBe('POST');
    expect(create.headers.authorization).toBe(
      `Basic ${Buffer.from(`${fake.email}:${fake.apiToken}`).toString('base64')}`,
    );
    expect(create.headers['content-type']).toBe('application/json');
    const { fields } = create.body as { fields: Record<string, unknown> };
    expect(fields.project).toEqual({ key: 'SOC' });
    expect(fields.issuetype).toEqual({ name: 'Task' });
    expect(fields.summary).toBe('[HIGH] Case #42: Port scan from 203.0.113.7');
    expect(fields.labels).toEqual(['minisoar', `minisoar-${request.actionId}`]);
    const description = fields.description as {
      type: string;
      version: number;
      content: Array<Record<string, unknown>>;
    };
    expect(description).toMatchObject({ type: 'doc', version: 1 });
    expect(description.content.map((node) => node.type)).toEqual([
      'paragraph',
      'paragraph',
      'bulletList',
      'paragraph',
      'paragraph',
    ]);
    expect(description.content[0]).toEqual({
      type: 'paragraph',
      content: [{ type: 'text', text: 'Scan of 1,024 ports.' }],
    });
    expect(description.content[3]).toEqual({
      type: 'paragraph',
      content: [
        {
          type: 'text',
          text: 'Open the case in Mini-SOAR',
          marks: [{ type: 'link', attrs: { href: request.context.link } }],
        },
      ],
    });
    const key = fake.issues.at(-1)?.key;
    expect(result.output).toEqual({ key, url: `${fake.url}/browse/${key}` });
    expect(result.alreadyDone).toBeUndefined();
  });

  it('files into the target project when the action names one', async () => {
    const result = await responder().execute(ticket({ target: 'SEC' }));
    expect(result.output.key).toMatch(/^SEC-\d+$/);
  });

  it('after a crash that lost the create answer, the retry finds the label and does not create twice', async () => {
    const request = ticket();
    fake.loseNextCreateAnswer();
    const lost = await responder()
      .execute(request)
      .catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(ResponderError);
    expect((lost as ResponderError).retryable).toBe(true);
    const created = fake.issues.filter((i) =>
      (i.fields.labels as string[]).includes(`minisoar-${request.actionId}`),
    );
    expect(created).toHaveLength(1);

    const creates = fake.creates.length;
    const retried = await responder().execute({ ...request, attempt: 2 });
    expect(retried).toEqual({
      output: { key: created[0].key, url: `${fake.url}/browse/${created[0].key}` },
      effects: [],
      alreadyDone: true,
    });
    expect(fake.creates.length).toBe(creates);
  });

  it.each([ResponderMode.DryRun, ResponderMode.NotifyOnly])(
    'in %s mode returns the create request with the credentials redacted and calls nothing',
    async (mode) => {
      const before = fake.requests.length;
      const result = await responder().execute(ticket({ mode }));
      expect(fake.requests.length).toBe(before);
      expect(result.effects).toEqual([
        {
          kind: 'http',
          method: 'POST',
          url: `${fake.url}/rest/api/3/issue`,
          headers: { Authorization: '[redacted]', Accept: 'application/json' },
          body: { fields: expect.objectContaining({ project: { key: 'SOC' } }) },
        },
      ]);
    },
  );

  it("fails with Jira's own field errors, not retryable, when it refuses the issue", async () => {
    const failure = await responder({ issueType: 'Epic-ish' })
      .execute(ticket())
      .catch((e: unknown) => e);
    expect((failure as ResponderError).message).toBe(
      'jira: Jira POST /rest/api/3/issue: HTTP 400 request refused: issuetype: Specify a valid issue type',
    );
    expect((failure as ResponderError).retryable).toBe(false);
  });

  it('fails on refused credentials without revealing them', async () => {
    const failure = await responder({ apiToken: 'wrong-token' })
      .execute(ticket())
      .catch((e: unknown) => e);
    expect((failure as ResponderError).message).toBe(
      'jira: Jira GET /rest/api/3/search/jql: HTTP 401 credentials refused',
    );
    expect((failure as ResponderError).message).not.toContain('wrong-token');
  });

  it('refuses a baseUrl the SSRF guard does not allow', async () => {
    const failure = await responder({ baseUrl: 'http://169.254.169.254' })
      .execute(ticket())
      .catch((e: unknown) => e);
    expect((failure as ResponderError).message).toBe(
      'jira: Outbound connection to 169.254.169.254 refused: a cloud metadata address',
    );
    expect((failure as ResponderError).retryable).toBe(false);
  });

  it('tests the connection with GET /rest/api/3/myself', async () => {
    const config = {
      enabled: true,
      settings: { ...settings, apiToken: null },
      secrets: { apiToken: fake.apiToken },
    };
    await expect(JIRA_RESPONDER.testConnection?.(config)).resolves.toEqual({
      ok: true,
      detail: 'authenticated as SOC Bot',
    });
    expect(fake.requestsTo('/rest/api/3/myself').length).toBeGreaterThan(0);
  });
});
