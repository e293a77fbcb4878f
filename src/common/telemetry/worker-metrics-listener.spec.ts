import type { Server } from 'node:http';
import { jobDuration } from './telemetry';
import { listeningPort, startWorkerMetricsListener } from './worker-metrics-listener';

describe('worker metrics listener', () => {
  const TOKEN = 'worker-scrape-token-0123';
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = await startWorkerMetricsListener({ host: '127.0.0.1', port: 0, token: TOKEN });
    base = `http://127.0.0.1:${listeningPort(server)}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("serves this process's job histograms to a scraper holding METRICS_TOKEN", async () => {
    jobDuration.observe({ queue: 'alert.process', outcome: 'completed' }, 0.2);
    const response = await fetch(`${base}/metrics`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0.0.4/);
    const text = await response.text();
    expect(text).toMatch(
      /^minisoar_job_duration_seconds_count\{queue="alert.process",outcome="completed"\} [1-9]/m,
    );
    expect(text).not.toMatch(/^minisoar_queue_depth\{/m); // database gauges stay with the API
  });

  it('refuses a missing or wrong token with 401 and other paths with 404', async () => {
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const other = await fetch(`${base}/`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(other.status).toBe(404);
    const post = await fetch(`${base}/metrics`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(post.status).toBe(404);
  });
});
