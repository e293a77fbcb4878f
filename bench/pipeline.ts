import { cpus } from 'node:os';
import { sampleWazuhAlert } from './lib/sample-alert';
import {
  adminQuery,
  databaseUrl,
  dropDatabase,
  freshDatabase,
  provisionIngestKey,
  startApp,
  stop,
} from './lib/bench-env';

/**
 * End to end: alerts offered at a steady rate through the webhook, processed by the workers
 * (mock enrichment, scoring, auto-close or case), latency read from the database as
 * processed_at - received_at. First the target rate, then a step-up to find the highest rate
 * that holds (p95 under 2 s and the backlog drained within 2 s of the load stopping).
 * Usage: npm run build && npm run bench:pipeline [-- --rate 100 --duration 60 --workers 2]
 * `--severity low` makes every alert auto-close; `--severity high` is the storm: every alert
 * scores HIGH and opens its own case (distinct fingerprints), with its audit entry.
 */
const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1]]));
const RATE = Number(args.get('--rate') ?? 100);
const DURATION = Number(args.get('--duration') ?? 60);
const WORKERS = args.get('--workers') ?? '2';
const STEP_SECONDS = Number(args.get('--step-seconds') ?? 20);
const STEP_RATES = (args.get('--steps') ?? '125,150,175,200,250,300')
  .split(',')
  .filter(Boolean)
  .map(Number);
const SEVERITY = args.get('--severity') ?? 'sample';
/** Wazuh rule levels: 3 scores LOW (auto-closed), 15 scores HIGH or above (a case each). */
const RULE_LEVELS: Record<string, number | undefined> = { sample: undefined, low: 3, high: 15 };
if (!Object.hasOwn(RULE_LEVELS, SEVERITY)) throw new Error('--severity is sample, low or high');
const RULE_LEVEL = RULE_LEVELS[SEVERITY];
const PORT = 3212;
const TICK_MS = 20;
const P95_TARGET_MS = 2000;
const DRAIN_TARGET_MS = 2000;

interface RunResult {
  rate: number;
  seconds: number;
  sent: number;
  accepted: number;
  maxBacklog: number;
  drainMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  /** Alerts of the run by severity, and cases opened. */
  severities: string;
  cases: number;
  holds: boolean;
}

let sequence = 0;

/** A unique alert: its own rule id, so dedup never folds it into another. */
function nextAlert(): string {
  const alert = sampleWazuhAlert(++sequence);
  const rule = alert.rule as Record<string, unknown>;
  rule.id = String(100_000 + sequence);
  if (RULE_LEVEL !== undefined) rule.level = RULE_LEVEL;
  return JSON.stringify(alert);
}

async function unprocessed(db: string): Promise<number> {
  const [row] = await adminQuery(
    `SELECT count(*)::int AS n FROM alerts WHERE state IN ('RECEIVED', 'PROCESSING')`,
    databaseUrl(db),
  );
  return row.n as number;
}

async function offer(url: string, key: string, rate: number, seconds: number, db: string) {
  const pending: Promise<void>[] = [];
  let sent = 0;
  let accepted = 0;
  let maxBacklog = 0;
  const started = Date.now();
  const sampler = setInterval(() => {
    void unprocessed(db).then((n) => (maxBacklog = Math.max(maxBacklog, n)));
  }, 1000);
  while (Date.now() - started < seconds * 1000) {
    const due = Math.floor(((Date.now() - started) / 1000) * rate);
    for (; sent < due; sent++) {
      pending.push(
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-api-key': key },
          body: nextAlert(),
        }).then(async (response) => {
          await response.arrayBuffer();
          if (response.status === 202) accepted++;
        }),
      );
    }
    await new Promise((resolve) => setTimeout(resolve, TICK_MS));
  }
  await Promise.allSettled(pending);
  clearInterval(sampler);
  return { sent, accepted, maxBacklog };
}

async function drain(db: string, timeoutMs = 120_000): Promise<number> {
  const started = Date.now();
  while ((await unprocessed(db)) > 0) {
    if (Date.now() - started > timeoutMs) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - started;
}

async function latencies(db: string, since: Date) {
  const [row] = await adminQuery(
    `SELECT percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (
              ORDER BY extract(epoch FROM processed_at - received_at) * 1000) AS p
       FROM alerts WHERE processed_at IS NOT NULL AND received_at >= '${since.toISOString()}'`,
    databaseUrl(db),
  );
  const [p50, p95, p99] = (row.p as number[]).map((ms) => Math.round(ms));
  return { p50Ms: p50, p95Ms: p95, p99Ms: p99 };
}

async function outcomes(db: string, since: Date) {
  const bySeverity = await adminQuery(
    `SELECT severity, count(*)::int AS n FROM alerts
      WHERE received_at >= '${since.toISOString()}' GROUP BY severity ORDER BY severity`,
    databaseUrl(db),
  );
  const [cases] = await adminQuery(
    `SELECT count(*)::int AS n FROM cases WHERE created_at >= '${since.toISOString()}'`,
    databaseUrl(db),
  );
  return {
    severities: bySeverity.map((row) => `${String(row.severity)} ${String(row.n)}`).join(', '),
    cases: cases.n as number,
  };
}

async function auditState(db: string) {
  const [row] = await adminQuery(
    `SELECT (SELECT count(*)::int FROM audit_log) AS sealed,
            (SELECT count(*)::int FROM audit_staging) AS staged`,
    databaseUrl(db),
  );
  return `audit entries sealed ${String(row.sealed)}, still staged ${String(row.staged)}`;
}

async function run(db: string, url: string, key: string, rate: number, seconds: number) {
  const since = new Date();
  const offered = await offer(url, key, rate, seconds, db);
  const drainMs = await drain(db);
  const latency = await latencies(db, since);
  const result: RunResult = {
    rate,
    seconds,
    ...offered,
    drainMs,
    ...latency,
    ...(await outcomes(db, since)),
    holds:
      offered.accepted === offered.sent &&
      latency.p95Ms < P95_TARGET_MS &&
      drainMs <= DRAIN_TARGET_MS,
  };
  console.log(JSON.stringify(result));
  return result;
}

async function main(): Promise<void> {
  const db = await freshDatabase('mini_soar_bench_pipeline');
  const app = await startApp(
    {
      DATABASE_URL: databaseUrl(db),
      WORKERS,
      MOCK_ENRICHMENT: 'true',
      JWT_SECRET: 'p'.repeat(40),
      ENCRYPTION_KEY: Buffer.alloc(32, 3).toString('base64'),
    },
    PORT,
  );
  try {
    const { key } = await provisionIngestKey(`http://127.0.0.1:${PORT}`);
    const url = `http://127.0.0.1:${PORT}/alerts/webhook/wazuh`;
    await run(db, url, key, 20, 3); // warm-up
    const target = await run(db, url, key, RATE, DURATION);
    const steps: RunResult[] = [];
    for (const rate of STEP_RATES) {
      const step = await run(db, url, key, rate, STEP_SECONDS);
      steps.push(step);
      if (!step.holds) break;
    }
    const best = steps.filter((step) => step.holds).at(-1);
    console.log(
      `\nPipeline benchmark - ${new Date().toISOString()} - ${cpus().length} CPUs, Node ${process.version}, WORKERS=${WORKERS}, one process (API + workers), mock enrichment, --severity ${SEVERITY}`,
    );
    console.table([target, ...steps]);
    console.log(
      `${RATE}/s for ${DURATION}s: p50 ${target.p50Ms} ms, p95 ${target.p95Ms} ms, max backlog ${target.maxBacklog}, ${target.holds ? 'holds' : 'DOES NOT HOLD'}`,
    );
    if (STEP_RATES.length > 0)
      console.log(
        `Highest rate that holds: ${best ? `${best.rate}/s` : `below ${STEP_RATES[0]}/s`}`,
      );
    console.log(await auditState(db));
    if (!target.holds) process.exitCode = 1;
  } finally {
    await stop(app);
    await dropDatabase(db);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
