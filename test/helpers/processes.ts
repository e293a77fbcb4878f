import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { TEST_SECRETS } from './test-app';

const ROOT = join(__dirname, '..', '..');

/** Runs a compiled entry point (the e2e global setup builds dist/) as its own process. */
function startCompiled(name: 'worker' | 'main', env: Record<string, string>): ChildProcess {
  const entry = join(ROOT, 'dist', 'src', `${name}.js`);
  if (!existsSync(entry))
    throw new Error(`dist/src/${name}.js is missing: the e2e global setup builds it`);
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...TEST_SECRETS, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (chunk: Buffer) =>
    process.stderr.write(`[${name} ${child.pid}] ${chunk.toString()}`),
  );
  return child;
}

/** Starts the compiled worker entry point as its own process. */
export function startWorkerProcess(env: Record<string, string>): ChildProcess {
  return startCompiled('worker', env);
}

/** Starts the compiled HTTP server on a free port and resolves once it answers /health. */
export async function startServerProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = startCompiled('main', {
    HOST: '127.0.0.1',
    PORT: String(port),
    WORKERS: '0',
    BCRYPT_ROUNDS: '4',
    ...env,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitFor(`the server process on port ${port}`, async () => {
    if (child.exitCode !== null) throw new Error(`the server process exited (${child.exitCode})`);
    return fetch(`${url}/health`).then(
      (response) => response.ok,
      () => false,
    );
  });
  return { child, url };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function stopProcess(
  child: ChildProcess,
  signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

/** Polls until `check` returns a value (not undefined/false) or the time is up. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
  everyMs = 200,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}
