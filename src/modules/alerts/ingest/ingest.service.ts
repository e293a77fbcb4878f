import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IngestPrincipal } from '../../../common/auth/auth-user';
import { isWebhookConnectorName, WEBHOOK_CONNECTOR_NAMES } from '../connectors/connector.registry';
import { AlertIngestWriter } from './alert-ingest.writer';
import { toIngestItems } from './ingest-payload';
import { UnknownConnectorError } from '../alerts.errors';

export interface IngestReceipt {
  jobId: string;
  alertId: string;
  status: 'queued';
}

export interface IngestRequest {
  connector: string;
  body: unknown;
  principal?: IngestPrincipal;
  sourceOverride?: string;
}

/** The webhook path: check, store raw, enqueue, answer. Everything slower runs in workers. */
@Injectable()
export class IngestService {
  constructor(private readonly writer: AlertIngestWriter) {}

  async ingest(request: IngestRequest): Promise<IngestReceipt[]> {
    if (!isWebhookConnectorName(request.connector)) {
      throw new UnknownConnectorError(request.connector, WEBHOOK_CONNECTOR_NAMES);
    }
    const items = toIngestItems(request.body);
    const source = request.sourceOverride ?? request.principal?.source ?? request.connector;
    const rows = items.map((item) => ({
      id: randomUUID(),
      jobId: randomUUID(),
      source,
      connector: request.connector,
      rawPayload: JSON.stringify(item),
      apiKeyId: request.principal?.apiKeyId ?? null,
    }));
    await this.writer.write(rows);
    return rows.map((row) => ({ jobId: row.jobId, alertId: row.id, status: 'queued' }));
  }
}
