import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerToken, tokenMatches } from '../crypto/tokens';
import { telemetryRegistry } from './telemetry';

export interface WorkerMetricsOptions {
  host: string;
  port: number;
  /** METRICS_TOKEN: the only credential a worker can check (it has no users). */
  token: string;
}

/**
 * GET /metrics on a `start:worker` process: its job histograms, enrichment counters, breaker
 * states and process metrics live in its own memory, and it has no HTTP API. The database
 * gauges stay with the API's /metrics/prometheus (a worker never refreshes them), so summing
 * over processes counts nothing twice. Unref'd: it never keeps a stopping worker alive.
 */
export async function startWorkerMetricsListener(options: WorkerMetricsOptions): Promise<Server> {
  const server = createServer((request, response) => {
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics')
      return reply(404, 'Not found: GET /metrics\n');
    if (!tokenMatches(bearerToken(request.headers.authorization), options.token))
      return reply(401, 'Authorization: Bearer <METRICS_TOKEN> required\n');
    telemetryRegistry.metrics().then(
      (text) => reply(200, text, telemetryRegistry.contentType),
      () => reply(503, 'metrics unavailable\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  server.unref();
  return server;
}

export const listeningPort = (server: Server): number => (server.address() as AddressInfo).port;
