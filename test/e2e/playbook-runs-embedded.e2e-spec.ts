import { startEmbeddedApp, type EmbeddedApp } from '../helpers/embedded-app';
import { PrismaService } from '../../src/database/prisma.service';
import { waitFor } from '../helpers/processes';

const bearer = { type: 'bearer' } as const;

/** A playbook run parked on approval and resumed, on the embedded default (PGlite). */
describe('Playbook runs on the embedded database (e2e smoke)', () => {
  let embedded: EmbeddedApp;

  beforeAll(async () => {
    embedded = await startEmbeddedApp('playbook-runs-embedded');
  });
  afterAll(() => embedded.close());

  it('isolates a host through the EDR simulator once an admin approves the step', async () => {
    const { app, http } = embedded;
    const admin = await embedded.admin();
    const analyst = await embedded.user(admin, 'analyst@example.com', 'ANALYST');
    const { id: caseId } = await app
      .get(PrismaService)
      .case.create({ data: { title: 'Embedded case', severity: 'HIGH' } });
    const { body: playbook } = await http()
      .post('/playbooks')
      .auth(analyst, bearer)
      .set('content-type', 'application/yaml')
      .send(
        [
          'name: Contain',
          'steps:',
          '  - { id: isolate, action: isolate_host, params: { target: ws-embedded-2 } }',
          "  - { id: note, action: add_note, params: { note: 'isolated {{steps.isolate.output.output.hostname}}' } }",
        ].join('\n'),
      )
      .expect(201);

    const { body: parked } = await http()
      .post(`/playbooks/${playbook.id}/run`)
      .auth(analyst, bearer)
      .send({ caseId })
      .expect(201);
    const run = await waitFor('the run to park', async () => {
      const { body } = await http().get(`/playbook-runs/${parked.id}`).auth(admin, bearer);
      return body.status === 'WAITING_APPROVAL'
        ? (body as { steps: { actionId: string }[] })
        : undefined;
    });
    const actionId = run.steps[0].actionId;
    await http().patch(`/actions/${actionId}/approve`).auth(admin, bearer).expect(200);
    const executed = await http().patch(`/actions/${actionId}/execute`).auth(admin, bearer);
    expect([200, 202]).toContain(executed.status);

    const done = await waitFor(
      'the run to finish',
      async () => {
        const { body } = await http().get(`/playbook-runs/${parked.id}`).auth(admin, bearer);
        return ['COMPLETED', 'FAILED', 'REJECTED', 'EXPIRED'].includes(body.status)
          ? (body as { status: string; steps: { renderedParams: unknown }[] })
          : undefined;
      },
      60_000,
    );
    expect(done.status).toBe('COMPLETED');
    expect(done.steps[1].renderedParams).toEqual({ note: 'isolated ws-embedded-2' });
    const verify = await http().get('/audit/verify').auth(admin, bearer).expect(200);
    expect(verify.body.valid).toBe(true);
  }, 90_000);
});
