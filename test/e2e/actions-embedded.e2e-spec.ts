import { startEmbeddedApp, type EmbeddedApp } from '../helpers/embedded-app';
import { PrismaService } from '../../src/database/prisma.service';
import { ActionReaper } from '../../src/modules/actions/execution/action-reaper';
import { waitFor } from '../helpers/processes';

/**
 * The request -> approve -> execute flow on the embedded default (PGlite, no DATABASE_URL), and
 * the sweep failing an action whose execution job is gone.
 */
describe('Actions on the embedded database (e2e smoke)', () => {
  let embedded: EmbeddedApp;

  beforeAll(async () => {
    embedded = await startEmbeddedApp('actions-embedded');
  });
  afterAll(() => embedded.close());

  it('isolates a host through the built-in EDR simulator after a second person approves', async () => {
    const { app, http } = embedded;
    const admin = await embedded.admin();
    const analyst = await embedded.user(admin, 'analyst@example.com', 'ANALYST');
    const { id: caseId } = await app
      .get(PrismaService)
      .case.create({ data: { title: 'Embedded case', severity: 'HIGH' } });

    const { body: action } = await http()
      .post(`/cases/${caseId}/actions`)
      .auth(analyst, { type: 'bearer' })
      .send({ actionType: 'ISOLATE_HOST', target: 'ws-embedded-1' })
      .expect(201);
    await http()
      .patch(`/actions/${action.id}/approve`)
      .auth(analyst, { type: 'bearer' })
      .expect(403);
    await http().patch(`/actions/${action.id}/approve`).auth(admin, { type: 'bearer' }).expect(200);
    const executed = await http()
      .patch(`/actions/${action.id}/execute`)
      .auth(admin, { type: 'bearer' });
    expect([200, 202]).toContain(executed.status);
    const done = await waitFor(
      'the isolation to finish',
      async () => {
        const { body } = await http().get(`/actions/${action.id}`).auth(admin, { type: 'bearer' });
        return body.status === 'EXECUTING'
          ? undefined
          : (body as { status: string; output: object });
      },
      60_000,
    );
    expect(done).toMatchObject({
      status: 'EXECUTED',
      output: { responder: 'edr', preset: 'simulator', hostname: 'ws-embedded-1' },
    });

    // The sweep's reaper reads the queue on the transaction's own (here the only) connection.
    await app.get(PrismaService).$executeRawUnsafe(
      `UPDATE actions SET status = 'EXECUTING', started_at = now() - interval '1 hour'
        WHERE id = $1::uuid`,
      action.id,
    );
    await app.get(ActionReaper).sweep();
    const { body: lost } = await http()
      .get(`/actions/${action.id}`)
      .auth(admin, { type: 'bearer' });
    expect(lost).toMatchObject({
      status: 'FAILED',
      error: expect.stringMatching(
        /^execution job lost: job \S+ completed without finishing the action; /,
      ),
    });
    const verify = await http().get('/audit/verify').auth(admin, { type: 'bearer' }).expect(200);
    expect(verify.body.valid).toBe(true);
  }, 90_000);
});
