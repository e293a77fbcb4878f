import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp } from '../../src/app.factory';
import { loadAppConfig, type AppConfig, type Environment } from '../../src/config/app-config';
import { PrismaService } from '../../src/database/prisma.service';
import { createTestDatabase } from './test-database';

export const TEST_SECRETS = {
  JWT_SECRET: 'test-jwt-secret-that-is-long-enough-0123456789',
  ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

export interface TestApp {
  app: NestFastifyApplication;
  http: () => TestAgent;
  prisma: PrismaService;
  config: AppConfig;
  databaseUrl: string;
  close: () => Promise<void>;
}

export function testConfig(databaseUrl: string, overrides: Environment = {}): AppConfig {
  return loadAppConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    BCRYPT_ROUNDS: '4',
    WORKERS: '0',
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_RATE_LIMIT_PER_IP: '1000',
    // Local fakes listen on loopback, which the SSRF guard refuses by default.
    OUTBOUND_ALLOW_CIDRS: '127.0.0.0/8',
    ...TEST_SECRETS,
    ...overrides,
  });
}

/**
 * The real application on its own fresh PostgreSQL database. Keep one started app per
 * test file at a time: passport registers strategies process-wide.
 */
export async function startTestApp(overrides: Environment = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, overrides);
  const app = await createApp(config);
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    http: () => request(app.getHttpServer()),
    prisma: app.get(PrismaService),
    config,
    databaseUrl: database.url,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}
