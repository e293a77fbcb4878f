import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { startupMessage } from './common/http/startup-message';
import { loadAppConfig } from './config/app-config';
import { ConfigError } from './config/config.error';

async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  const app = await createApp(config);
  const logger = new Logger('Bootstrap');
  config.startupWarnings.forEach((warning) => logger.warn(warning));
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.getHttpServer().address() as AddressInfo;
  logger.log(startupMessage(config.host, port));
}

bootstrap().catch((error: unknown) => {
  // Configuration problems are the operator's to fix: one clear line, no stack.
  const message =
    error instanceof ConfigError ? error.message : ((error as Error)?.stack ?? String(error));
  console.error(`Mini-SOAR failed to start: ${message}`);
  process.exit(1);
});
