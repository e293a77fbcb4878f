import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, waitFor } from './process-control';
import { TEST_SECRETS } from './test-app';

export { stopProcess, waitFor } from './process-control';

const ROOT = join(__dirname, '..', '..');

/** Runs a compiled entry point (the e2e global setup builds dist/) as its own process. */
function startCompiled(name: 'worker' | 'main', env: Record<string, string>): ChildProcess {
  const entry = join(ROOT, 'dist', 'src', `${name}.js`);
  if (!existsSync(entry))
    throw new Error(`dist/src/${name}.js is missing: the e2e global setup builds it`);
  const child = spawn(process.execPath, [entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
      ...TEST_SECRETS,
      ...env,
    },
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
