import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApp } from '../../src/app.factory';
import { loadAppConfig } from '../../src/config/app-config';
import { PASSWORD } from '../factories/users.factory';
import { TEST_SECRETS } from './test-app';

/** The app on the embedded default: PGlite in a throw-away DATA_DIR, no DATABASE_URL. */
export interface EmbeddedApp {
  app: NestFastifyApplication;
  http: () => ReturnType<typeof request>;
  /** Signs up the first user (ADMIN) and returns its token. */
  admin(): Promise<string>;
  /** An ADMIN creates an active user of `role`; returns its token. */
  user(adminToken: string, email: string, role: string): Promise<string>;
  close(): Promise<void>;
}

export async function startEmbeddedApp(name: string): Promise<EmbeddedApp> {
  const dataDir = mkdtempSync(join(tmpdir(), `mini-soar-${name}-`));
  const app = await createApp(
    loadAppConfig({
      NODE_ENV: 'test',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      BCRYPT_ROUNDS: '4',
      WORKERS: '1',
      ...TEST_SECRETS,
    }),
  );
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const http = () => request(app.getHttpServer());
  const login = async (email: string) =>
    (await http().post('/auth/login').send({ email, password: PASSWORD }).expect(200)).body
      .accessToken as string;
  return {
    app,
    http,
    admin: async () => {
      await http()
        .post('/auth/signup')
        .send({ email: 'admin@example.com', password: PASSWORD, name: 'Admin' })
        .expect(201);
      return login('admin@example.com');
    },
    user: async (adminToken, email, role) => {
      await http()
        .post('/users')
        .auth(adminToken, { type: 'bearer' })
        .send({ email, name: role, role, password: PASSWORD })
        .expect(201);
      return login(email);
    },
    close: async () => {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
