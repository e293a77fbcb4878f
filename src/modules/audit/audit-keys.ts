import { createPrivateKey, createPublicKey, hkdfSync, type KeyObject } from 'node:crypto';
import { ConfigError } from '../../config/config.error';
import type { AuditEnv } from '../../config/app-config';
import { deriveChainKey } from './audit-chain';

/** PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The audit log's keys: the chain's HMAC key, and the Ed25519 pair that signs checkpoints.
 * Without AUDIT_SIGNING_KEY the pair is derived from the audit root secret (AUDIT_KEY, else
 * ENCRYPTION_KEY), so it is stable across restarts and processes without another secret.
 */
export class AuditKeys {
  readonly publicKey: KeyObject;

  private constructor(
    readonly chainKey: Buffer,
    readonly signingKey: KeyObject,
  ) {
    this.publicKey = createPublicKey(signingKey);
  }

  static fromConfig(audit: Pick<AuditEnv, 'rootKey' | 'signingKey'>): AuditKeys {
    const signingKey = audit.signingKey
      ? parseSigningKey(audit.signingKey)
      : deriveSigningKey(audit.rootKey);
    return new AuditKeys(deriveChainKey(audit.rootKey), signingKey);
  }
}

function deriveSigningKey(rootKey: Buffer): KeyObject {
  const seed = Buffer.from(
    hkdfSync('sha256', rootKey, 'mini-soar', 'audit-checkpoint-ed25519-v1', 32),
  );
  return createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
}

function parseSigningKey(value: string): KeyObject {
  let key: KeyObject;
  try {
    key = value.includes('-----BEGIN')
      ? createPrivateKey(value.replace(/\\n/g, '\n'))
      : createPrivateKey({ key: Buffer.from(value, 'base64'), format: 'der', type: 'pkcs8' });
  } catch {
    throw new ConfigError('AUDIT_SIGNING_KEY must be a PKCS#8 private key, PEM or base64 DER.');
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new ConfigError(
      `AUDIT_SIGNING_KEY must be an Ed25519 key, not ${key.asymmetricKeyType ?? 'unknown'}.`,
    );
  return key;
}
