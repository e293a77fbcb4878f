import { APP_NAME } from './app-info';

const ANY_ADDRESS = new Set(['0.0.0.0', '::', '']);

/** The one line that says where to go next once the server listens. */
export function startupMessage(host: string, port: number): string {
  const shownHost = ANY_ADDRESS.has(host) ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  const base = `http://${shownHost}:${port}`;
  return `${APP_NAME} listening on ${base} — API docs ${base}/docs — first signup becomes ADMIN: POST ${base}/auth/signup`;
}
