import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import * as seed from './lib/metrics-seed';
import {
  adminQuery,
  databaseUrl,
  dropDatabase,
  freshDatabase,
  provisionIngestKey,
  ROOT,
  startApp,
  stop,
} from './lib/bench-env';

/**
 * The metrics endpoints on growing data: seeds alerts (with a tenth as many cases, a fifth as
 * many actions, one observable per alert) by set-based INSERTs through the real rollup
 * triggers (bench/lib/metrics-seed.ts), then times each endpoint. Usage: npm run build && npm run bench:metrics [-- --scales 10000,100000,1000000
 * --requests 50]. Writes the table into bench/README.md.
 */
const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1]]));
const SCALES = (args.get('--scales') ?? '10000,100000,1000000').split(',').map(Number);
const REQUESTS = Number(args.get('--requests') ?? 50);
const PORT = 3212;
const METRICS_TOKEN = 'bench-metrics-token-0123456789';
const CHUNK = 100_000;

const ENDPOINTS = [
  '/metrics/overview',
  '/metrics/sla',
  '/metrics/trends?metric=alerts&interval=hour',
  '/metrics/trends?metric=alerts&interval=day',
  '/metrics/trends?metric=mttr&interval=day',
  '/metrics/trends?metric=false_positive_rate&interval=day',
  '/metrics/prometheus',
];

async function seedRange(
  url: string,
  sql: (from: number, to: number) => string,
  from: number,
  to: number,
) {
  for (let start = from; start < to; start += CHUNK)
    await adminQuery(sql(start, Math.min(to, start + CHUNK)), url);
}

async function time(
  base: string,
  path: string,
  token: string,
): Promise<{ median: number; p95: number }> {
  const durations: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path} -> ${response.status}`);
    if (i >= 3) durations.push(performance.now() - started); // 3 warm-up requests
  }
  durations.sort((a, b) => a - b);
  const at = (q: number) =>
    durations[Math.min(durations.length - 1, Math.ceil(q * durations.length) - 1)];
  return { median: round(at(0.5)), p95: round(at(0.95)) };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

async function main(): Promise<void> {
  const name = await freshDatabase('mini_soar_bench_metrics');
  const url = databaseUrl(name);
  const app = await startApp(
    {
      DATABASE_URL: url,
      WORKERS: '0',
      JWT_SECRET: 'b'.repeat(40),
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
      METRICS_TOKEN,
    },
    PORT,
  );
  const base = `http://127.0.0.1:${PORT}`;
  const lines: string[] = [];
  try {
    const { token } = await provisionIngestKey(base);
    let seeded = 0;
    for (const alerts of SCALES) {
      const started = performance.now();
      await adminQuery(seed.SEED_ASSETS, url);
      await seedRange(url, seed.seedCases, seeded / 10, alerts / 10);
      await seedRange(url, seed.seedAlerts, seeded, alerts);
      await seedRange(url, seed.seedObservables, seeded, alerts);
      await seedRange(url, seed.seedEnrichments, seeded, alerts);
      await seedRange(url, (f, t) => seed.seedActions(f, t, alerts / 10), seeded / 5, alerts / 5);
      await adminQuery('SELECT metrics_compact()', url);
      await adminQuery('VACUUM ANALYZE', url);
      console.log(`seeded ${alerts} alerts in ${Math.round(performance.now() - started)} ms`);
      seeded = alerts;
      for (const path of ENDPOINTS) {
        const result = await time(base, path, path.endsWith('prometheus') ? METRICS_TOKEN : token);
        console.log(alerts, path, result);
        lines.push(
          `| ${alerts.toLocaleString('en')} | \`${path}\` | ${result.median} | ${result.p95} |`,
        );
      }
    }
  } finally {
    await stop(app);
    await dropDatabase(name);
  }
  writeReport(lines);
}

const BEGIN = '<!-- bench:metrics:begin -->';
const END = '<!-- bench:metrics:end -->';

function writeReport(lines: string[]): void {
  const file = join(ROOT, 'bench', 'README.md');
  const table = [
    BEGIN,
    `Last run (${new Date().toISOString().slice(0, 10)}, ${cpus().length} CPUs, Node ${process.version}, ${REQUESTS} sequential requests per endpoint after 3 warm-ups; alerts with one observable each (a third enriched), a tenth as many cases and a fifth as many actions, spread over 90 days):`,
    '',
    '| alerts | endpoint | median ms | p95 ms |',
    '| -----: | -------- | --------: | -----: |',
    ...lines,
    END,
  ].join('\n');
  const text = readFileSync(file, 'utf8');
  const start = text.indexOf(BEGIN);
  const next =
    start >= 0
      ? text.slice(0, start) + table + text.slice(text.indexOf(END) + END.length)
      : `${text.trimEnd()}\n\n## Metrics (\`bench/metrics.ts\`)\n\n${table}\n`;
  writeFileSync(file, next);
  console.log(table);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
