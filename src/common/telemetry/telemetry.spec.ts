import { jobDuration, jobLatency, observeJob, recordBreakerState, breakerState } from './telemetry';

const valueOf = async (
  metric: {
    get: () => Promise<{ values: { labels: object; value: number; metricName?: string }[] }>;
  },
  name: string,
  labels: object,
) =>
  (await metric.get()).values.find(
    (v) => v.metricName === name && JSON.stringify(v.labels) === JSON.stringify(labels),
  )?.value;

describe('telemetry', () => {
  it('times a job: latency since it was queued, duration by outcome', async () => {
    const queued = new Date(Date.now() - 2_000);
    await expect(observeJob('test.ok', queued, () => Promise.resolve(7))).resolves.toBe(7);
    await expect(
      observeJob('test.ok', undefined, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(
      await valueOf(jobLatency, 'minisoar_job_latency_seconds_count', { queue: 'test.ok' }),
    ).toBe(1);
    expect(
      await valueOf(jobLatency, 'minisoar_job_latency_seconds_bucket', { le: 1, queue: 'test.ok' }),
    ).toBe(0);
    const count = (outcome: string) =>
      valueOf(jobDuration, 'minisoar_job_duration_seconds_count', { queue: 'test.ok', outcome });
    expect(await count('completed')).toBe(1);
    expect(await count('failed')).toBe(1);
  });

  it('maps breaker states onto 0, 1 and 2', async () => {
    recordBreakerState('vt', 'open');
    recordBreakerState('otx', 'half_open');
    recordBreakerState('rdap', 'closed');
    const values = (await breakerState.get()).values.map((v) => [v.labels.provider, v.value]);
    expect(values).toEqual(
      expect.arrayContaining([
        ['vt', 2],
        ['otx', 1],
        ['rdap', 0],
      ]),
    );
  });
});
