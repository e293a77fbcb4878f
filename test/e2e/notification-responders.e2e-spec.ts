import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { getAction, newCase, requestAction, waitForStatus } from '../factories/actions.factory';
import {
  expectSecretsHidden,
  putIntegration,
  testIntegration,
} from '../factories/integrations.factory';
import { JiraFake } from '../fakes/jira.fake';
import { SlackFake } from '../fakes/slack.fake';
import { SmtpTestServer } from '../fakes/smtp.server';
import { TeamsFake } from '../fakes/teams.fake';
import {
  blockActionsPayload,
  signedInteraction,
  type SlackClick,
} from '../helpers/slack-interactions';
import { sealAudit, expectAuditChainValid } from '../helpers/audit';
import { waitFor } from '../helpers/process-control';
import { startTestApp, type TestApp } from '../helpers/test-app';
import { slackSignature } from '../../src/modules/actions/slack/slack-signature';

const bearer = { type: 'bearer' } as const;
const SIGNING_SECRET = 'slack-signing-secret-e2e';
const INTERACTIONS = '/integrations/slack/interactions';
// The trailing slash is dropped: links are PUBLIC_URL + /cases/<id>.
const PUBLIC_URL = 'https://soar.example.com/';

describe('Notification and ticket responders, Slack approvals (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let caseId: string;
  const caseLink = () => `https://soar.example.com/cases/${caseId}`;
  const slack = new SlackFake();
  const teams = new TeamsFake();
  const jira = new JiraFake();
  const smtp = new SmtpTestServer();

  const configure = (name: string, settings: Record<string, unknown>) =>
    putIntegration(t, users.ADMIN.token, name, { enabled: true, settings });

  const setSlackId = (userId: string, slackUserId: string) =>
    t
      .http()
      .patch(`/users/${userId}`)
      .auth(users.ADMIN.token, bearer)
      .send({ slackUserId })
      .expect(200);

  /** Posts a signed click; the approval message it refers to is the latest one in the approval channel. */
  function click(payload: SlackClick, secret = SIGNING_SECRET, timestamp?: number) {
    const { body, headers } = signedInteraction(secret, blockActionsPayload(payload), timestamp);
    return t.http().post(INTERACTIONS).set(headers).send(body);
  }

  async function blockRequestedBy(token: string, target: string) {
    const action = await requestAction(t, token, caseId, {
      actionType: 'BLOCK_IP',
      target,
      reason: 'C2 beacon',
    });
    return action;
  }

  /** The approval message posted for an action (the worker posts it asynchronously). */
  const approvalMessage = (actionId: string) =>
    waitFor(
      `the approval message of ${actionId}`,
      () =>
        Promise.resolve(
          slack.messages.find(
            (m) => m.channel === 'C0APPROVALS' && m.metadata?.event_payload.action_id === actionId,
          ),
        ),
      20_000,
      20,
    );

  /** The chat.update of the message at `ts` (sent after the click was answered). */
  const updateOf = (ts: string) =>
    waitFor(
      `chat.update of ${ts}`,
      () => Promise.resolve(slack.calls('chat.update').find((c) => c.args.ts === ts)),
      20_000,
      20,
    );

  beforeAll(async () => {
    await Promise.all([slack.start(), teams.start(), jira.start(), smtp.start()]);
    t = await startTestApp({ WORKERS: '1', ACTION_EXECUTE_WAIT_MS: '5000', PUBLIC_URL });
    users = await createRoleUsers(t);
    await configure('slack', {
      botToken: slack.token,
      signingSecret: SIGNING_SECRET,
      defaultChannel: 'C0ALERTS',
      approvalChannel: 'C0APPROVALS',
      apiUrl: slack.apiUrl,
    });
    await configure('teams', { webhookUrl: teams.webhookUrl });
    await configure('email', {
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: smtp.user,
      password: smtp.password,
      from: 'Mini-SOAR <soar@example.com>',
      to: 'soc@example.com',
    });
    await configure('jira', jira.settings());
    caseId = await newCase(t, 'CRITICAL');
  });

  afterAll(async () => {
    await t.close();
    await Promise.all([slack.stop(), teams.stop(), jira.stop(), smtp.stop()]);
  });

  it('never returns the secrets it stores', async () => {
    await expectSecretsHidden(t, users.ADMIN.token, [
      slack.token,
      SIGNING_SECRET,
      teams.signature,
      smtp.password,
      jira.apiToken,
    ]);
  });

  it.each([
    ['slack', 'authenticated to SOC Team as minisoar'],
    ['jira', 'authenticated as SOC Bot'],
    [
      'email',
      expect.stringMatching(/^SMTP server 127\.0\.0\.1:\d+ answered and accepted the credentials$/),
    ],
    [
      'teams',
      expect.stringMatching(/^TCP connection to 127\.0\.0\.1:\d+ succeeded; no message posted/),
    ],
  ])('POST /integrations/%s/test makes a harmless call', async (name, detail) => {
    const teamsPosts = teams.posts.length;
    expect(await testIntegration(t, users.ADMIN.token, name)).toEqual({ ok: true, detail });
    expect(teams.posts.length).toBe(teamsPosts);
  });

  it('NOTIFY_SLACK requested on a case runs at once and the fake Slack gets the Block Kit message', async () => {
    const action = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'NOTIFY_SLACK',
      target: 'C0SOCROOM1',
      params: { message: 'Heads up' },
    });
    const done = await waitForStatus(t, users.ANALYST.token, action.id);
    expect(done).toMatchObject({
      status: 'EXECUTED',
      output: { responder: 'slack', channel: 'C0SOCROOM1' },
    });
    const [call] = slack.calls('chat.postMessage').filter((c) => c.args.channel === 'C0SOCROOM1');
    expect(call.request.headers.authorization).toBe(`Bearer ${slack.token}`);
    expect(call.args.text).toMatch(/^\[CRITICAL\] Case #\d+: Action test case$/);
    expect(call.args.metadata).toEqual({
      event_type: 'minisoar_notification',
      event_payload: { action_id: action.id },
    });
    const blocks = call.args.blocks as Array<{ type: string; text?: { text: string } }>;
    expect(blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: call.args.text },
    });
    expect(blocks[1].text?.text).toBe('Heads up');
    expect(blocks.map((block) => block.text?.text)).toContain(
      `<${caseLink()}|Open the case in Mini-SOAR>`,
    );
    expect(done.output?.ts).toBe(slack.messages.find((m) => m.channel === 'C0SOCROOM1')?.ts);
    // A first attempt does not pay for Slack's rate-limited history read; only a retry does.
    expect(slack.calls('conversations.history')).toHaveLength(0);
  });

  it('NOTIFY_TEAMS posts an Adaptive Card with open-URL links only', async () => {
    const action = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'NOTIFY_TEAMS',
      target: 'SOC',
    });
    expect(await waitForStatus(t, users.ANALYST.token, action.id)).toMatchObject({
      status: 'EXECUTED',
      output: { status: 202 },
    });
    const body = teams.posts.at(-1)?.body as {
      type: string;
      attachments: Array<{ contentType: string; content: { body: unknown[]; actions: unknown[] } }>;
    };
    expect(body.type).toBe('message');
    expect(body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(JSON.stringify(body.attachments[0].content.body)).toContain(
      `Mini-SOAR action ${action.id}`,
    );
    expect(body.attachments[0].content.actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Open the case', url: caseLink() },
    ]);
  });

  it('NOTIFY_EMAIL reaches the SMTP server with text and HTML parts', async () => {
    const action = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'NOTIFY_EMAIL',
      target: 'oncall@example.com',
    });
    const done = await waitForStatus(t, users.ANALYST.token, action.id);
    expect(done).toMatchObject({
      status: 'EXECUTED',
      output: { accepted: ['oncall@example.com'] },
    });
    const received = smtp.received.at(-1);
    expect(received?.envelopeTo).toEqual(['oncall@example.com']);
    expect(received?.mail.subject).toMatch(
      /^\[Mini-SOAR\] \[CRITICAL\] Case #\d+: Action test case$/,
    );
    expect(received?.mail.text).toContain(`Mini-SOAR action ${action.id}`);
    expect(received?.mail.html).toContain(`Mini-SOAR action ${action.id}`);
    expect(received?.mail.text).toContain(`Open the case: ${caseLink()}`);
    expect(received?.mail.html).toContain(`<a href="${caseLink()}">Open the case in Mini-SOAR</a>`);
  });

  it('CREATE_TICKET opens one Jira issue labelled with the action id, and records key and URL', async () => {
    const action = await requestAction(t, users.ANALYST.token, caseId, {
      actionType: 'CREATE_TICKET',
      target: 'SEC',
    });
    const done = await waitForStatus(t, users.ANALYST.token, action.id);
    const issue = jira.issues.find((i) =>
      (i.fields.labels as string[]).includes(`minisoar-${action.id}`),
    );
    expect(issue?.key).toMatch(/^SEC-\d+$/);
    expect(done).toMatchObject({
      status: 'EXECUTED',
      output: { responder: 'jira', key: issue?.key, url: `${jira.url}/browse/${issue?.key}` },
    });
    expect(jira.creates.filter((r) => JSON.stringify(r.body).includes(action.id))).toHaveLength(1);
    expect(JSON.stringify(issue?.fields.description)).toContain(
      JSON.stringify({ type: 'link', attrs: { href: caseLink() } }),
    );
  });

  describe('approvals in Slack', () => {
    beforeAll(async () => {
      await setSlackId(users.APPROVER.id, 'UAPPROVER1');
      await setSlackId(users.ADMIN.id, 'UADMIN0001');
    });

    it('posts Approve/Reject buttons for a high-impact request; a signed click approves it as the linked user', async () => {
      const action = await blockRequestedBy(users.ANALYST.token, '203.0.113.50');
      const message = await approvalMessage(action.id);
      const buttons = (
        message.blocks as Array<{ type: string; elements?: Array<Record<string, unknown>> }>
      ).find((b) => b.type === 'actions')?.elements;
      expect(buttons?.map((b) => [b.action_id, b.value, typeof b.confirm])).toEqual([
        ['approve', action.id, 'object'],
        ['reject', action.id, 'object'],
      ]);
      expect(JSON.stringify(message.blocks)).toContain(
        `<${caseLink()}|Open the case in Mini-SOAR>`,
      );

      const response = await click({
        userId: 'UAPPROVER1',
        actionId: action.id,
        decision: 'approve',
        messageTs: message.ts,
      });
      expect(response.status).toBe(200);
      expect(response.text).toBe('');
      const approved = await getAction(t, users.ADMIN.token, action.id);
      expect(approved).toMatchObject({
        status: 'APPROVED',
        approvals: [{ approverId: users.APPROVER.id }],
      });

      const update = await updateOf(message.ts);
      expect(update.args.channel).toBe('C0APPROVALS');
      expect(update.args.text).toBe(
        'Approval needed: BLOCK_IP on 203.0.113.50 (approved by approver (approver@example.com))',
      );
      expect(JSON.stringify(update.args.blocks)).not.toContain('"type":"actions"');

      await sealAudit(t);
      const audit = await t.prisma.auditLog.findMany({
        where: { entityId: action.id, action: 'action.approved' },
      });
      expect(audit.map((entry) => [entry.actorType, entry.actorId, entry.actorLabel])).toEqual([
        ['slack', users.APPROVER.id, 'UAPPROVER1'],
      ]);
    });

    it('a Reject click rejects it and the message says who rejected', async () => {
      const action = await blockRequestedBy(users.ANALYST.token, '203.0.113.51');
      const message = await approvalMessage(action.id);
      await click({
        userId: 'UAPPROVER1',
        actionId: action.id,
        decision: 'reject',
        messageTs: message.ts,
      }).expect(200);
      expect(await getAction(t, users.ADMIN.token, action.id)).toMatchObject({
        status: 'REJECTED',
      });
      const update = await updateOf(message.ts);
      expect(update.args.text).toBe(
        'Approval needed: BLOCK_IP on 203.0.113.51 (rejected by approver (approver@example.com))',
      );
    });

    it("refuses the requester's own click (four-eyes), telling them in Slack", async () => {
      const action = await blockRequestedBy(users.ADMIN.token, '203.0.113.52');
      const ephemeral = slack.calls('chat.postEphemeral').length;
      await click({ userId: 'UADMIN0001', actionId: action.id, decision: 'approve' }).expect(200);
      const [reply] = (await slack.waitForCalls('chat.postEphemeral', ephemeral + 1)).slice(-1);
      expect(reply.args).toMatchObject({ channel: 'C0APPROVALS', user: 'UADMIN0001' });
      expect(reply.args.text).toMatch(/^Mini-SOAR refused your approve: /);
      expect(await getAction(t, users.ADMIN.token, action.id)).toMatchObject({
        status: 'REQUESTED',
        approvals: [],
      });
    });

    it('an unlinked Slack user gets a refusal, not a 500, and nothing changes', async () => {
      const action = await blockRequestedBy(users.ANALYST.token, '203.0.113.53');
      const ephemeral = slack.calls('chat.postEphemeral').length;
      await click({ userId: 'UNOBODY001', actionId: action.id, decision: 'approve' }).expect(200);
      const [reply] = (await slack.waitForCalls('chat.postEphemeral', ephemeral + 1)).slice(-1);
      expect(reply.args).toMatchObject({ user: 'UNOBODY001' });
      expect(reply.args.text).toMatch(
        /^Your Slack account is not linked to an active Mini-SOAR user/,
      );
      expect(await getAction(t, users.ADMIN.token, action.id)).toMatchObject({
        status: 'REQUESTED',
      });
    });

    it('refuses a tampered body, a wrong secret, a stale timestamp and a missing signature with 401', async () => {
      const action = await blockRequestedBy(users.ANALYST.token, '203.0.113.54');
      const payload = blockActionsPayload({
        userId: 'UAPPROVER1',
        actionId: action.id,
        decision: 'approve',
      });
      const good = signedInteraction(SIGNING_SECRET, payload);
      const tampered = good.body.replace('approve', 'reject');
      const wrongSecret = signedInteraction('not-the-secret', payload);
      const stale = signedInteraction(SIGNING_SECRET, payload, Math.floor(Date.now() / 1000) - 600);
      const attempts = [
        {
          body: tampered,
          headers: good.headers,
          code: 'X-Slack-Signature does not match the body',
        },
        { ...wrongSecret, code: 'X-Slack-Signature does not match the body' },
        { ...stale, code: 'X-Slack-Request-Timestamp is more than 300 s from now' },
        {
          body: good.body,
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          code: 'X-Slack-Request-Timestamp and X-Slack-Signature are required',
        },
      ];
      for (const attempt of attempts) {
        const response = await t.http().post(INTERACTIONS).set(attempt.headers).send(attempt.body);
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({
          code: 'SLACK_SIGNATURE_INVALID',
          message: attempt.code,
        });
      }
      expect(await getAction(t, users.ADMIN.token, action.id)).toMatchObject({
        status: 'REQUESTED',
      });
    });

    it('answers 200 and ignores signed interactions that are not our buttons; 400 for a body without payload', async () => {
      const other = signedInteraction(SIGNING_SECRET, {
        type: 'view_submission',
        user: { id: 'UAPPROVER1' },
      });
      await t.http().post(INTERACTIONS).set(other.headers).send(other.body).expect(200);
      const body = 'nothing=here';
      const { headers } = signedInteraction(SIGNING_SECRET, {});
      const timestamp = headers['X-Slack-Request-Timestamp'];
      const signature = slackSignature(SIGNING_SECRET, timestamp, Buffer.from(body));
      const response = await t
        .http()
        .post(INTERACTIONS)
        .set({ ...headers, 'X-Slack-Signature': signature })
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'SLACK_PAYLOAD_INVALID' });
    });

    it('takes form bodies on the interactions route only (415 elsewhere)', async () => {
      await t
        .http()
        .post(`/cases/${caseId}/actions`)
        .auth(users.ANALYST.token, bearer)
        .set('Content-Type', 'application/x-www-form-urlencoded')
        .send('actionType=NOTIFY_SLACK&target=C0SOCROOM1')
        .expect(415);
    });
  });

  it('leaves a valid audit chain', async () => {
    await sealAudit(t);
    await expectAuditChainValid(t, users.ADMIN.token);
  });
});
