import { Injectable } from '@nestjs/common';
import { Database } from '../../../database/database';

/** The ingest_signatures_seen table: one row per accepted signature while it could be replayed. */
@Injectable()
export class IngestSignatureRepository {
  constructor(private readonly database: Database) {}

  /**
   * Records a signature as used; false when it was already used and has not expired. One
   * statement, so concurrent requests in any process agree on a single winner.
   */
  async claim(apiKeyId: string, signature: string, expiresAt: Date, now: Date): Promise<boolean> {
    const { rowCount } = await this.database.pool.query(
      `INSERT INTO ingest_signatures_seen AS s (api_key_id, signature, expires_at)
       VALUES ($1, $2, $3)
       ON CONFLICT (api_key_id, signature) DO UPDATE SET expires_at = EXCLUDED.expires_at
       WHERE s.expires_at <= $4`,
      [apiKeyId, signature, expiresAt, now],
    );
    return rowCount === 1;
  }

  async pruneExpired(now: Date): Promise<void> {
    await this.database.pool.query('DELETE FROM ingest_signatures_seen WHERE expires_at <= $1', [
      now,
    ]);
  }
}
