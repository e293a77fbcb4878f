import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger as PinoLogger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { loadAppConfig } from './config/app-config';
import { ConfigError } from './config/config.error';
import { startWorkerMetricsListener } from './common/telemetry/worker-metrics-listener';

/**
 * Workers without the HTTP API: scale processing out by running more of these (on this
 * machine or others) against the same PostgreSQL.
 */
async function bootstrap(): Promise<void> {
  const config = loadAppConfig();
  if (config.workers === 0)
    throw new ConfigError('WORKERS must be at least 1 for a worker process');
  if (config.workerMetricsPort !== undefined && !config.metricsToken)
    throw new ConfigError('WORKER_METRICS_PORT needs METRICS_TOKEN (scrapers present it)');
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(PinoLogger));
  app.enableShutdownHooks();
  config.startupWarnings.forEach((warning) => new Logger('Bootstrap').warn(warning));
  if (config.workerMetricsPort !== undefined && config.metricsToken) {
    await startWorkerMetricsListener({
      host: config.host,
      port: config.workerMetricsPort,
      token: config.metricsToken,
    });
    new Logger('Bootstrap').log(
      `Worker metrics on http://${config.host}:${config.workerMetricsPort}/metrics`,
    );
  }
  new Logger('Bootstrap').log(`Mini-SOAR worker running ${config.workers} worker(s)`);
}

bootstrap().catch((error: unknown) => {
  const message =
    error instanceof ConfigError ? error.message : ((error as Error)?.stack ?? String(error));
  console.error(`Mini-SOAR worker failed to start: ${message}`);
  process.exit(1);
});
