import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/app-config';
import { AllExceptionsFilter } from './common/filters/all-exceptions.filter';
import { requestId } from './common/http/request-id';
import { registerAccessLog } from './common/logging/access-log';
import { registerHttpMetrics } from './common/telemetry/http-metrics';
import { FrameworkLogLevels } from './common/logging/framework-log-levels';
import { registerFormBodyParser } from './common/http/form-body';
import { registerJsonBodyParser } from './common/http/json-body';
import { registerYamlBodyParser } from './common/http/yaml-body';
import { registerPathParamLimit, ROUTER_MAX_PARAM_LENGTH } from './common/http/path-params';
import { setupOpenApi } from './common/http/openapi';
import { registerResponseHeaders } from './common/http/response-headers';
import { StorableTextPipe } from './common/validation/storable-text.pipe';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP application exactly as production runs it; tests use it too. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.trustProxy,
    genReqId: requestId,
    routerOptions: { maxParamLength: ROUTER_MAX_PARAM_LENGTH },
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Our own JSON parser (raw body, UTF-8 and depth checks) replaces Nest's.
    bodyParser: false,
  });
  app.useLogger(new FrameworkLogLevels(app.get(Logger)));
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify, BODY_LIMIT_BYTES);
  registerFormBodyParser(fastify, BODY_LIMIT_BYTES);
  registerYamlBodyParser(fastify, BODY_LIMIT_BYTES);
  registerPathParamLimit(fastify);
  registerResponseHeaders(fastify, { forceTls: config.forceHsts });
  registerAccessLog(fastify, config.logLevel);
  registerHttpMetrics(fastify);
  // No CORS hook at all unless browsers on other origins are allowed (it runs on every request).
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins });
  app.useGlobalPipes(
    new StorableTextPipe(),
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
    }),
  );
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  setupOpenApi(app);
  return app;
}
