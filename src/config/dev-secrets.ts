import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface DevSecrets {
  jwtSecret: string;
  encryptionKey: string;
}

/**
 * Outside production a missing secret is generated once and kept under DATA_DIR, so tokens
 * and sealed integration secrets survive restarts of a development install.
 */
export function loadOrCreateDevSecrets(dataDir: string): { secrets: DevSecrets; file: string } {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) {
    return { secrets: JSON.parse(readFileSync(file, 'utf8')) as DevSecrets, file };
  }
  const secrets: DevSecrets = {
    jwtSecret: randomBytes(48).toString('base64url'),
    encryptionKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return { secrets, file };
}
