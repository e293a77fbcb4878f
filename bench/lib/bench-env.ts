import { fork, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';

export const ROOT = join(__dirname, '..', '..');
export const ADMIN_URL =
  process.env.BENCH_DATABASE_ADMIN_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(sql: string, url = ADMIN_URL): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

export async function freshDatabase(prefix: string): Promise<string> {
  const name = `${prefix}_${Date.now()}`;
  await adminQuery(`CREATE DATABASE "${name}"`);
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}

/** Starts the built API (npm run build first) and resolves once /health answers. */
export async function startApp(env: Record<string, string>, port: number): Promise<ChildProcess> {
  const entry = join(ROOT, 'dist', 'src', 'main.js');
  if (!existsSync(entry)) throw new Error('Build first: npm run build');
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_OPTIONS: process.env.BENCH_NODE_OPTIONS ?? '',
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  await waitForHttp(`http://127.0.0.1:${port}/health`, child);
  return child;
}

export function startBareServer(url: string, port: number): Promise<ChildProcess> {
  const child = fork(join(__dirname, 'bare-server.ts'), [url, String(port)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', () => resolve(child));
    child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
  });
}

export async function waitForHttp(
  url: string,
  child?: ChildProcess,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child?.exitCode !== null && child?.exitCode !== undefined)
      throw new Error(`process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}

export async function json<T>(url: string, init: RequestInit): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
  });
  if (!response.ok)
    throw new Error(
      `${init.method ?? 'GET'} ${url} -> ${response.status} ${await response.text()}`,
    );
  return (await response.json()) as T;
}

/** An admin account and an ingest key on a freshly started app. */
export async function provisionIngestKey(base: string): Promise<{ key: string; token: string }> {
  const credentials = { email: 'bench@example.com', password: 'bench-password-1' };
  await json(`${base}/auth/signup`, {
    method: 'POST',
    body: JSON.stringify({ ...credentials, name: 'Bench' }),
  });
  const { accessToken } = await json<{ accessToken: string }>(`${base}/auth/login`, {
    method: 'POST',
    body: JSON.stringify(credentials),
  });
  const { key } = await json<{ key: string }>(`${base}/api-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${accessToken}` },
    body: JSON.stringify({ name: 'bench', source: 'wazuh' }),
  });
  return { key, token: accessToken };
}
