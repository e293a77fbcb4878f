import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sampleWazuhAlert } from './lib/sample-alert';
import {
  adminQuery,
  databaseUrl,
  dropDatabase,
  freshDatabase,
  provisionIngestKey,
  ROOT,
  startApp,
  startBareServer,
  stop,
} from './lib/bench-env';

/**
 * Webhook ingestion against the physical limit of this machine (a bare node:http + pg server
 * doing one INSERT per request), in the same run. Usage: npm run build && npm run bench:ingest
 * [-- --duration 15 --connections 10,50]
 */
const args = new Map(process.argv.slice(2).map((arg, i, all) => [arg, all[i + 1]]));
const DURATION = Number(args.get('--duration') ?? 15);
const CONNECTIONS = (args.get('--connections') ?? '10,50').split(',').map(Number);
const APP_PORT = 3210;
const BARE_PORT = 3211;

interface Row {
  server: string;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  accepted: number;
  stored: number;
  lost: number;
}

async function load(
  url: string,
  headers: Record<string, string>,
  connections: number,
  duration: number,
) {
  return autocannon({
    url,
    method: 'POST',
    connections,
    duration,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(sampleWazuhAlert(7)),
  });
}

async function measure(
  server: string,
  url: string,
  headers: Record<string, string>,
  storedRows: () => Promise<number>,
): Promise<Row[]> {
  await load(url, headers, 10, 3); // warm-up: JIT, pools, prepared statements
  const rows: Row[] = [];
  for (const connections of CONNECTIONS) {
    const before = await storedRows();
    const result = await load(url, headers, connections, DURATION);
    const stored = (await storedRows()) - before;
    rows.push({
      server,
      connections,
      requestsPerSecond: Math.round(result.requests.average),
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors + result.timeouts,
      non2xx: result.non2xx,
      accepted: result['2xx'],
      stored,
      // Requests in flight when autocannon stops are stored but not counted as answered.
      lost: Math.max(0, result['2xx'] - stored),
    });
  }
  return rows;
}

async function count(database: string, table: string): Promise<number> {
  const [row] = await adminQuery(`SELECT count(*)::int AS n FROM ${table}`, databaseUrl(database));
  return row.n as number;
}

async function main(): Promise<void> {
  const appDb = await freshDatabase('mini_soar_bench_app');
  const bareDb = await freshDatabase('mini_soar_bench_bare');
  const app = await startApp(
    {
      DATABASE_URL: databaseUrl(appDb),
      WORKERS: '0',
      JWT_SECRET: 'b'.repeat(40),
      ENCRYPTION_KEY: Buffer.alloc(32, 9).toString('base64'),
    },
    APP_PORT,
  );
  const bare = await startBareServer(databaseUrl(bareDb), BARE_PORT);
  try {
    const { key } = await provisionIngestKey(`http://127.0.0.1:${APP_PORT}`);
    const bareRows = await measure(
      'bare node:http + pg',
      `http://127.0.0.1:${BARE_PORT}/`,
      {},
      () => count(bareDb, 'bare_alerts'),
    );
    const appRows = await measure(
      'Mini-SOAR POST /alerts/webhook',
      `http://127.0.0.1:${APP_PORT}/alerts/webhook/wazuh`,
      { 'x-api-key': key },
      () => count(appDb, 'alerts'),
    );
    report([...bareRows, ...appRows]);
  } finally {
    await stop(app);
    await stop(bare);
    await dropDatabase(appDb);
    await dropDatabase(bareDb);
  }
}

function report(rows: Row[]): void {
  console.log(
    `\nIngest benchmark - ${new Date().toISOString()} - ${cpus().length} CPUs (${cpus()[0]?.model}), Node ${process.version}, ${DURATION}s per run`,
  );
  console.table(rows);
  const at = (prefix: string, connections: number) =>
    rows.find((row) => row.server.startsWith(prefix) && row.connections === connections);
  for (const connections of CONNECTIONS) {
    const ratio =
      (at('Mini-SOAR', connections)?.requestsPerSecond ?? 0) /
      (at('bare', connections)?.requestsPerSecond ?? 1);
    console.log(
      `${connections} connections: Mini-SOAR reaches ${(ratio * 100).toFixed(0)}% of the bare server`,
    );
  }
  const lost = rows.reduce((sum, row) => sum + row.lost, 0);
  console.log(
    lost === 0
      ? 'Every 2xx answer has its stored row (0 lost).'
      : `LOST ${lost} acknowledged alerts`,
  );
  mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench', 'results', 'ingest.json'), JSON.stringify(rows, null, 2));
  if (lost !== 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
