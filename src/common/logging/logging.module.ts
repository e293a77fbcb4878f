import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config';
import { logDestination } from './log-destination';

/**
 * Secrets that must never reach a log line. Application logs go through these; request lines
 * come from the access log (fixed fields). Wildcards are few on purpose: each one is
 * evaluated on every log line.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers["x-signature"]',
  'req.headers["x-slack-signature"]',
  'req.headers.cookie',
  'password',
  'passwordHash',
  'accessToken',
  'apiKey',
  'token',
  'secret',
  'signingSecret',
  '*.password',
  '*.apiKey',
  '*.secret',
];

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Application logs only: request lines come from the access log hook.
        forRoutes: [],
        pinoHttp: [
          { level: config.logLevel, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } },
          logDestination(),
        ],
      }),
    }),
  ],
})
export class LoggingModule {}
