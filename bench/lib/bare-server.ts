import { createServer } from 'node:http';
import { Pool } from 'pg';

/**
 * The physical limit: node:http + pg, one INSERT per request, no framework. Run as a child
 * process by the ingest benchmark: `tsx bench/lib/bare-server.ts <databaseUrl> <port>`.
 */
async function main(): Promise<void> {
  const [databaseUrl, port] = process.argv.slice(2);
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  await pool.query(
    'CREATE TABLE IF NOT EXISTS bare_alerts (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), payload jsonb NOT NULL, received_at timestamptz NOT NULL DEFAULT now())',
  );
  createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      pool
        .query('INSERT INTO bare_alerts (payload) VALUES ($1) RETURNING id', [
          Buffer.concat(chunks).toString('utf8'),
        ])
        .then(({ rows }) => {
          res.writeHead(202, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ alertId: (rows[0] as { id: string }).id, status: 'queued' }));
        })
        .catch(() => {
          res.writeHead(500);
          res.end();
        });
    });
  }).listen(Number(port), '127.0.0.1', () => process.send?.('ready'));
}

void main();
