import { generateKeyPairSync, verify } from 'node:crypto';
import { ConfigError } from '../../config/config.error';
import {
  checkpointMessage,
  checkpointSignatureValid,
  decodeCheckpoint,
  signCheckpoint,
  type AuditCheckpoint,
} from './audit-checkpoint';
import { AuditKeys } from './audit-keys';
import { AuditCheckpointMalformedError } from './audit.errors';

const rootKey = Buffer.alloc(32, 7);
const head = { seq: 42, hash: 'ab'.repeat(32), at: '2026-11-29T10:00:00.000Z' };
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('audit keys', () => {
  it('derives the same Ed25519 pair from the same root secret, another from another', () => {
    const a = AuditKeys.fromConfig({ rootKey });
    const b = AuditKeys.fromConfig({ rootKey: Buffer.alloc(32, 7) });
    const c = AuditKeys.fromConfig({ rootKey: Buffer.alloc(32, 8) });
    expect(a.publicKey.asymmetricKeyType).toBe('ed25519');
    expect(a.publicKey.export({ type: 'spki', format: 'pem' })).toBe(
      b.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    expect(a.publicKey.export({ type: 'spki', format: 'pem' })).not.toBe(
      c.publicKey.export({ type: 'spki', format: 'pem' }),
    );
    expect(a.chainKey.equals(c.chainKey)).toBe(false);
  });

  it('takes AUDIT_SIGNING_KEY as PKCS#8 PEM or base64 DER', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    const expected = publicKey.export({ type: 'spki', format: 'pem' });
    for (const signingKey of [pem, der, pem.replace(/\n/g, '\\n')])
      expect(
        AuditKeys.fromConfig({ rootKey, signingKey }).publicKey.export({
          type: 'spki',
          format: 'pem',
        }),
      ).toBe(expected);
  });

  it('refuses a signing key that is not an Ed25519 private key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => AuditKeys.fromConfig({ rootKey, signingKey: rsa })).toThrow(/Ed25519/);
    expect(() => AuditKeys.fromConfig({ rootKey, signingKey: 'bm90IGEga2V5' })).toThrow(
      ConfigError,
    );
  });
});

describe('audit checkpoints', () => {
  const keys = AuditKeys.fromConfig({ rootKey });

  it('signs seq, hash and at so that plain node:crypto verifies it with the public key', () => {
    const checkpoint = signCheckpoint(keys.signingKey, head);
    expect(checkpoint).toMatchObject(head);
    const message = Buffer.from(`mini-soar audit checkpoint v1\n42\n${head.hash}\n${head.at}`);
    expect(checkpointMessage(head)).toEqual(message);
    expect(verify(null, message, keys.publicKey, Buffer.from(checkpoint.signature, 'base64'))).toBe(
      true,
    );
    expect(checkpointSignatureValid(keys.publicKey, checkpoint)).toBe(true);
  });

  it('does not verify once any signed field changes, or under another key', () => {
    const checkpoint = signCheckpoint(keys.signingKey, head);
    const other = AuditKeys.fromConfig({ rootKey: Buffer.alloc(32, 9) });
    for (const forged of [
      { ...checkpoint, seq: 41 },
      { ...checkpoint, hash: 'cd'.repeat(32) },
      { ...checkpoint, at: '2026-11-29T10:00:01.000Z' },
    ])
      expect(checkpointSignatureValid(keys.publicKey, forged)).toBe(false);
    expect(checkpointSignatureValid(other.publicKey, checkpoint)).toBe(false);
  });

  it('decodes base64 and base64url of the checkpoint JSON', () => {
    const checkpoint = signCheckpoint(keys.signingKey, head);
    expect(decodeCheckpoint(encode(checkpoint))).toEqual(checkpoint);
    const url = Buffer.from(JSON.stringify(checkpoint)).toString('base64url');
    expect(decodeCheckpoint(url)).toEqual(checkpoint);
    expect(decodeCheckpoint(encode(checkpoint).replace(/\+/g, ' '))).toEqual(checkpoint);
  });

  const signature = Buffer.alloc(64, 1).toString('base64');
  it.each<[string, unknown]>([
    ['not base64', '%%%'],
    ['not JSON', Buffer.from('{seq:1').toString('base64')],
    ['an array', encode([1])],
    ['seq negative', encode({ ...head, signature, seq: -1 })],
    ['seq a string', encode({ ...head, signature, seq: '42' })],
    ['seq beyond 2^53', encode({ ...head, signature, seq: 2 ** 60 })],
    ['hash short', encode({ ...head, signature, hash: 'ab' })],
    ['at not a time', encode({ ...head, signature, at: 'yesterday' })],
    ['signature missing', encode(head)],
    ['signature too short', encode({ ...head, signature: 'AAAA' })],
  ])('refuses a checkpoint that is %s', (_label, encoded) => {
    expect(() => decodeCheckpoint(encoded as string)).toThrow(AuditCheckpointMalformedError);
  });

  it('keeps the parsed checkpoint to its four fields', () => {
    const checkpoint: AuditCheckpoint = signCheckpoint(keys.signingKey, head);
    expect(decodeCheckpoint(encode({ ...checkpoint, extra: 'x' }))).toEqual(checkpoint);
  });
});
