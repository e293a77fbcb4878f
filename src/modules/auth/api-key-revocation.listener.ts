import {
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { PgListener } from '../../database/pg-listener';
import { failFastPoolOptions } from '../../database/pool-options';
import { API_KEY_REVOKED_CHANNEL, ApiKeysService } from './api-keys.service';

/**
 * Makes a revocation in any process reach this one's key cache at once. Not needed on the
 * embedded database: only one process can open it.
 */
@Injectable()
export class ApiKeyRevocationListener implements OnApplicationBootstrap, OnApplicationShutdown {
  private listener?: PgListener;

  constructor(
    private readonly config: AppConfig,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.databaseUrl) return;
    const forget = () => this.apiKeys.forgetCachedKeys();
    this.listener = new PgListener({
      connection: {
        ...failFastPoolOptions({ connectMs: this.config.dbConnectTimeoutMs }),
        connectionString: this.config.databaseUrl,
      },
      channel: API_KEY_REVOKED_CHANNEL,
      onNotify: forget,
      onConnected: forget,
    });
    await this.listener.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.listener?.stop();
  }
}
