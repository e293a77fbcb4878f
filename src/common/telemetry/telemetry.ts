import { collectDefaultMetrics, Counter, Histogram, Gauge, Registry } from 'prom-client';

/**
 * Process-wide Prometheus instruments. Hot paths only bump these in memory; GET
 * /metrics/prometheus renders them along with gauges the metrics module reads at scrape time.
 */
export const telemetryRegistry = new Registry();

let defaultsCollected = false;
/** Process metrics (CPU, memory, event loop, GC) under minisoar_; once per process. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: telemetryRegistry, prefix: 'minisoar_' });
}

const SECONDS_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export const alertsIngested = new Counter({
  name: 'minisoar_alerts_ingested_total',
  help: 'Alerts accepted by POST /alerts (the ingest rate is its rate())',
  labelNames: ['connector'] as const,
  registers: [telemetryRegistry],
});

export const jobLatency = new Histogram({
  name: 'minisoar_job_latency_seconds',
  help: 'Time from a job being queued to a worker starting it',
  labelNames: ['queue'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [telemetryRegistry],
});

export const jobDuration = new Histogram({
  name: 'minisoar_job_duration_seconds',
  help: 'Time a worker spent processing a job',
  labelNames: ['queue', 'outcome'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [telemetryRegistry],
});

export const enrichmentCalls = new Counter({
  name: 'minisoar_enrichment_calls_total',
  help: 'Provider lookups attempted (cache misses)',
  labelNames: ['provider'] as const,
  registers: [telemetryRegistry],
});

export const enrichmentCacheHits = new Counter({
  name: 'minisoar_enrichment_cache_hits_total',
  help: 'Lookups answered from the enrichment cache',
  labelNames: ['provider'] as const,
  registers: [telemetryRegistry],
});

export const enrichmentErrors = new Counter({
  name: 'minisoar_enrichment_errors_total',
  help: 'Provider lookups that failed, by failure kind',
  labelNames: ['provider', 'kind'] as const,
  registers: [telemetryRegistry],
});

/** 0 closed, 1 half-open, 2 open. */
export const breakerState = new Gauge({
  name: 'minisoar_enrichment_breaker_state',
  help: 'Circuit breaker per provider: 0 closed, 1 half-open, 2 open (as last seen by this process)',
  labelNames: ['provider'] as const,
  registers: [telemetryRegistry],
});

const BREAKER_VALUES: Record<string, number> = { closed: 0, half_open: 1, open: 2 };
export const recordBreakerState = (provider: string, state: string): void => {
  breakerState.set({ provider }, BREAKER_VALUES[state] ?? 0);
};

export const httpDuration = new Histogram({
  name: 'minisoar_http_request_duration_seconds',
  help: 'HTTP requests by route template, method and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: SECONDS_BUCKETS,
  registers: [telemetryRegistry],
});

/** Times a job handler: latency since `createdOn` and duration by outcome. */
export async function observeJob<T>(
  queue: string,
  createdOn: Date | undefined,
  run: () => Promise<T>,
): Promise<T> {
  const started = Date.now();
  if (createdOn) jobLatency.observe({ queue }, Math.max(0, started - createdOn.getTime()) / 1000);
  let outcome = 'failed';
  try {
    const result = await run();
    outcome = 'completed';
    return result;
  } finally {
    jobDuration.observe({ queue, outcome }, (Date.now() - started) / 1000);
  }
}
