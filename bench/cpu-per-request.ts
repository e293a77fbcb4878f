import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import {
  databaseUrl,
  dropDatabase,
  freshDatabase,
  provisionIngestKey,
  startApp,
  startBareServer,
  stop,
} from './lib/bench-env';
import { sampleWazuhAlert } from './lib/sample-alert';

/**
 * CPU time the API process spends per ingested alert at a fixed offered rate: a steadier
 * figure than req/s on a shared 2-core machine. Usage: npm run build && tsx bench/cpu-per-request.ts [rate] [seconds] [app|bare]
 */
const RATE = Number(process.argv[2] ?? 1500);
const SECONDS = Number(process.argv[3] ?? 10);
const TARGET = process.argv[4] ?? 'app';
const PORT = 3230;

function cpuMicros(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime
  return (ticks / 100) * 1e6;
}

async function main(): Promise<void> {
  const db = await freshDatabase('mini_soar_cpu');
  const bare = TARGET === 'bare';
  const app = bare
    ? await startBareServer(databaseUrl(db), PORT)
    : await startApp(
        {
          DATABASE_URL: databaseUrl(db),
          WORKERS: '0',
          JWT_SECRET: 'c'.repeat(40),
          ENCRYPTION_KEY: Buffer.alloc(32, 5).toString('base64'),
        },
        PORT,
      );
  try {
    const key = bare ? '' : (await provisionIngestKey(`http://127.0.0.1:${PORT}`)).key;
    const options = {
      url: `http://127.0.0.1:${PORT}${bare ? '/' : '/alerts/webhook/wazuh'}`,
      method: 'POST' as const,
      connections: 20,
      headers: { 'content-type': 'application/json', 'x-api-key': key },
      body: JSON.stringify(sampleWazuhAlert(11)),
    };
    await autocannon({ ...options, duration: 3 });
    const before = cpuMicros(app.pid!);
    const result = await autocannon({ ...options, overallRate: RATE, duration: SECONDS });
    const spent = cpuMicros(app.pid!) - before;
    console.log(
      `${TARGET}: offered ${RATE}/s for ${SECONDS}s: ${result['2xx']} accepted, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${(spent / result['2xx']).toFixed(0)} µs CPU per alert`,
    );
  } finally {
    await stop(app);
    await dropDatabase(db);
  }
}

void main();
