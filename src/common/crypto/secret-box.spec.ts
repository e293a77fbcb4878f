import { loadAppConfig } from '../../config/app-config';
import { SecretBox } from './secret-box';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('hex');
const boxWith = (key: string) =>
  new SecretBox(loadAppConfig({ JWT_SECRET: 'x'.repeat(32), ENCRYPTION_KEY: key }));

describe(SecretBox.name, () => {
  it('round-trips a secret and never stores it in clear', () => {
    const box = boxWith(KEY_A);
    const sealed = box.seal('vt-api-key-123');
    expect(sealed).not.toContain('vt-api-key-123');
    expect(box.open(sealed)).toBe('vt-api-key-123');
  });

  it('uses a fresh IV for every seal', () => {
    const box = boxWith(KEY_A);
    expect(box.seal('same')).not.toBe(box.seal('same'));
  });

  it('refuses a tampered ciphertext', () => {
    const box = boxWith(KEY_A);
    const [version, iv, tag, data] = box.seal('secret').split('.');
    const flipped = Buffer.from(data, 'base64url');
    flipped[0] ^= 1;
    expect(() => box.open([version, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('refuses a value sealed under another key', () => {
    expect(() => boxWith(KEY_B).open(boxWith(KEY_A).seal('secret'))).toThrow();
  });
});
