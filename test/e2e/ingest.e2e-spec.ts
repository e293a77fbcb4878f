import { createHmac } from 'node:crypto';
import {
  countRows,
  createIngestKey,
  signatureHeaders,
  wazuhAlert,
  type IngestKey,
} from '../factories/ingest.factory';
import { createRoleUsers, type RoleTokens } from '../factories/users.factory';
import { rawPost } from '../helpers/raw-http';
import { startTestApp, type TestApp } from '../helpers/test-app';

describe('Alert ingestion (e2e)', () => {
  let t: TestApp;
  let users: RoleTokens;
  let key: IngestKey;
  const bearer = { type: 'bearer' } as const;

  beforeAll(async () => {
    t = await startTestApp();
    users = await createRoleUsers(t);
    key = await createIngestKey(t, users.ADMIN.token);
  });
  afterAll(() => t.close());

  it('stores the raw alert, queues its job and answers 202 with both ids', async () => {
    const response = await t
      .http()
      .post('/alerts/webhook/wazuh')
      .set('x-api-key', key.key)
      .send(wazuhAlert())
      .expect(202);
    expect(response.body).toEqual({
      jobId: expect.any(String),
      alertId: expect.any(String),
      status: 'queued',
    });
    const alert = await t.prisma.alert.findUniqueOrThrow({ where: { id: response.body.alertId } });
    expect(alert).toMatchObject({
      source: 'wazuh',
      connector: 'wazuh',
      state: 'RECEIVED',
      jobId: response.body.jobId,
      apiKeyId: key.id,
    });
    expect(alert.rawPayload).toEqual(wazuhAlert());
    const job = await t
      .http()
      .get(`/jobs/${response.body.jobId}`)
      .auth(users.ANALYST.token, bearer)
      .expect(200);
    expect(job.body).toMatchObject({
      id: response.body.jobId,
      state: 'queued',
      alertId: response.body.alertId,
      queue: 'alert.process',
    });
  });

  it('accepts the key as a Bearer token and an ANALYST JWT, but not an AUDITOR', async () => {
    await t
      .http()
      .post('/alerts/webhook')
      .auth(key.key, bearer)
      .send({ title: 'bearer key' })
      .expect(202);
    const byAnalyst = await t
      .http()
      .post('/alerts/webhook?source=manual')
      .auth(users.ANALYST.token, bearer)
      .send({ title: 'by hand' })
      .expect(202);
    expect(
      await t.prisma.alert.findUniqueOrThrow({ where: { id: byAnalyst.body.alertId } }),
    ).toMatchObject({ source: 'manual', apiKeyId: null });
    await t
      .http()
      .post('/alerts/webhook')
      .auth(users.AUDITOR.token, bearer)
      .send({ title: 'no' })
      .expect(403);
  });

  it('takes the source from the key unless ?source= overrides it, and validates it', async () => {
    const fromKey = await t
      .http()
      .post('/alerts/webhook')
      .set('x-api-key', key.key)
      .send({ title: 'x' })
      .expect(202);
    expect(
      (await t.prisma.alert.findUniqueOrThrow({ where: { id: fromKey.body.alertId } })).source,
    ).toBe('wazuh');
    const overridden = await t
      .http()
      .post('/alerts/webhook?source=wazuh-eu')
      .set('x-api-key', key.key)
      .send({ title: 'x' })
      .expect(202);
    expect(
      (await t.prisma.alert.findUniqueOrThrow({ where: { id: overridden.body.alertId } })).source,
    ).toBe('wazuh-eu');
    await t
      .http()
      .post('/alerts/webhook?source=bad%20source')
      .set('x-api-key', key.key)
      .send({ title: 'x' })
      .expect(400);
  });

  it('answers a batch with one receipt per alert, stored together', async () => {
    const response = await t
      .http()
      .post('/alerts/webhook/wazuh')
      .set('x-api-key', key.key)
      .send([wazuhAlert(), wazuhAlert({ id: '2' })])
      .expect(202);
    expect(response.body).toHaveLength(2);
    const ids = response.body.map((receipt: { alertId: string }) => receipt.alertId);
    expect(await t.prisma.alert.count({ where: { id: { in: ids } } })).toBe(2);
  });

  it('serves the requirements alias with snake_case ids', async () => {
    const response = await t
      .http()
      .post('/api/v1/alert')
      .set('x-api-key', key.key)
      .send({ title: 'alias' })
      .expect(202);
    expect(response.body).toEqual({
      job_id: expect.any(String),
      alert_id: expect.any(String),
      status: 'queued',
    });
  });

  it('answers an unknown connector with 404', async () => {
    const response = await t
      .http()
      .post('/alerts/webhook/qradar')
      .set('x-api-key', key.key)
      .send({ title: 'x' })
      .expect(404);
    expect(response.body.message).toMatch(/Unknown connector "qradar"/);
  });

  it.each([
    ['no key', {}, /valid bearer token/],
    ['a wrong key', { 'x-api-key': 'msk_wrong' }, /Invalid or revoked API key/],
  ])('answers %s with 401', async (_label, headers, message) => {
    const response = await t
      .http()
      .post('/alerts/webhook')
      .set(headers)
      .send({ title: 'x' })
      .expect(401);
    expect(response.body.message).toMatch(message);
  });

  it('stops a revoked key at once in this process', async () => {
    const doomed = await createIngestKey(t, users.ADMIN.token, 'doomed');
    await t
      .http()
      .post('/alerts/webhook')
      .set('x-api-key', doomed.key)
      .send({ title: 'x' })
      .expect(202);
    await t.http().delete(`/api-keys/${doomed.id}`).auth(users.ADMIN.token, bearer).expect(204);
    await t
      .http()
      .post('/alerts/webhook')
      .set('x-api-key', doomed.key)
      .send({ title: 'x' })
      .expect(401);
  });

  it('requires a fresh, valid, unused signature of "<timestamp>.<body>" for a signed key', async () => {
    const signed = await createIngestKey(t, users.ADMIN.token, 'splunk', true);
    const secret = signed.signingSecret!;
    const body = JSON.stringify({ search_name: 'signed', result: { host: 'db-01' } });
    const post = (headers: Record<string, string>, sent = body) =>
      t
        .http()
        .post('/alerts/webhook/splunk')
        .set({ 'x-api-key': signed.key, 'content-type': 'application/json', ...headers })
        .send(sent);
    const good = signatureHeaders(secret, body);
    await post(good).expect(202);
    const replay = await post(good).expect(401);
    expect(replay.body).toMatchObject({ code: 'INGEST_SIGNATURE_REPLAYED' });
    const now = Math.floor(Date.now() / 1000);
    await post(signatureHeaders(secret, body, now - 1)).expect(202);
    for (const [headers, code] of [
      [{}, 'INGEST_SIGNATURE_MISSING'],
      [{ 'x-signature': good['x-signature'] }, 'INGEST_SIGNATURE_MISSING'],
      [signatureHeaders(secret, body, now - 400), 'INGEST_SIGNATURE_STALE'],
      [signatureHeaders(secret, body, now + 400), 'INGEST_SIGNATURE_STALE'],
      [signatureHeaders('wrong-secret', body, now - 2), 'INGEST_SIGNATURE_INVALID'],
      [signatureHeaders(secret, `${body} `, now - 3), 'INGEST_SIGNATURE_INVALID'],
    ] as const) {
      const response = await post(headers).expect(401);
      expect(response.body).toMatchObject({ code });
    }
    // The scheme before issue 8 (HMAC of the body alone) is refused.
    const bodyOnly = createHmac('sha256', secret).update(body).digest('hex');
    await post({
      'x-signature-timestamp': String(now - 4),
      'x-signature': `sha256=${bodyOnly}`,
    }).expect(401);
  });

  describe('bad input', () => {
    const post = (body: string | Buffer, contentType = 'application/json') =>
      rawPost(t.app, '/alerts/webhook', Buffer.isBuffer(body) ? body : Buffer.from(body), {
        'content-type': contentType,
        'x-api-key': key.key,
      });

    it.each([
      ['non-JSON', 'not json at all', 400, /Malformed JSON/],
      ['a JSON scalar', '42', 400, /must be a JSON object/],
      ['a JSON string', '"alert"', 400, /must be a JSON object/],
      ['null', 'null', 400, /empty/],
      ['an empty body', '', 400, /empty/],
      ['an empty object', '{}', 400, /empty object/],
      ['an empty batch', '[]', 400, /batch is empty/],
      ['a batch with a scalar', '[{"a":1}, 2]', 400, /Item 1 of the batch/],
      [
        'JSON nested 10,000 levels',
        '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000),
        400,
        /deeper than 64/,
      ],
      ['a 2 MiB body', JSON.stringify({ log: 'x'.repeat(2 * 1024 * 1024) }), 413, /1 MiB/],
      ['a 3 MiB string', JSON.stringify({ log: 'y'.repeat(3 * 1024 * 1024) }), 413, /1 MiB/],
    ])('rejects %s with a clear 4xx and stores nothing', async (_label, body, status, message) => {
      const before = await countRows(t);
      const response = await post(body);
      expect(response.status).toBe(status);
      expect(JSON.stringify(response.body)).toMatch(message);
      expect(await countRows(t)).toEqual(before);
    });

    it('rejects invalid UTF-8 and a wrong content type, storing nothing', async () => {
      const before = await countRows(t);
      const invalid = await post(
        Buffer.concat([
          Buffer.from('{"log":"'),
          Buffer.from([0xff, 0xfe, 0xfd]),
          Buffer.from('"}'),
        ]),
      );
      expect(invalid.status).toBe(400);
      const text = await post('title=x', 'text/plain');
      expect(text.status).toBe(415);
      const form = await post('title=x', 'application/x-www-form-urlencoded');
      expect(form.status).toBe(415);
      expect(await countRows(t)).toEqual(before);
    });

    it('keeps a large but legal alert and makes unstorable characters safe', async () => {
      const big = await t
        .http()
        .post('/alerts/webhook')
        .set('x-api-key', key.key)
        .send({ log: 'z'.repeat(900 * 1024) })
        .expect(202);
      expect(
        (
          (await t.prisma.alert.findUniqueOrThrow({ where: { id: big.body.alertId } }))
            .rawPayload as { log: string }
        ).log,
      ).toHaveLength(900 * 1024);
      const nul = await post(JSON.stringify({ 'k\u0000': 'a\u0000b', lone: '\ud800x' }));
      expect(nul.status).toBe(202);
      const stored = await t.prisma.alert.findUniqueOrThrow({
        where: { id: (nul.body as { alertId: string }).alertId },
      });
      expect(stored.rawPayload).toEqual({ 'k\ufffd': 'a\ufffdb', lone: '\ufffdx' });
    });

    it('stays up after all of it', async () => {
      await t.http().get('/health/ready').expect(200);
    });
  });

  describe('jobs API', () => {
    it('lists queued jobs for ADMIN, filters by state and validates it', async () => {
      const queued = await t
        .http()
        .get('/jobs?state=queued&limit=5')
        .auth(users.ADMIN.token, bearer)
        .expect(200);
      expect(queued.body.total).toBeGreaterThan(0);
      expect(queued.body.items.every((job: { state: string }) => job.state === 'queued')).toBe(
        true,
      );
      const failed = await t
        .http()
        .get('/jobs?state=failed')
        .auth(users.ADMIN.token, bearer)
        .expect(200);
      expect(failed.body).toMatchObject({ total: 0, items: [] });
      await t.http().get('/jobs?state=stuck').auth(users.ADMIN.token, bearer).expect(400);
    });

    it('refuses to retry a job that has not failed', async () => {
      const [job] = (
        await t.http().get('/jobs?state=queued&limit=1').auth(users.ADMIN.token, bearer).expect(200)
      ).body.items;
      await t.http().post(`/jobs/${job.id}/retry`).auth(users.ADMIN.token, bearer).expect(409);
    });
  });
});
