import { createHmac } from 'node:crypto';
import { IngestSignatureError } from '../auth.errors';
import { computeSignature, SIGNATURE_TOLERANCE_SECONDS, verifySignature } from './ingest-signature';

const SECRET = 'whsec_test';
const NOW_MS = 1_700_000_000_000;
const NOW_S = String(NOW_MS / 1000);
const BODY = Buffer.from('{"title":"signed"}');

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error instanceof IngestSignatureError ? error.code : 'other';
  }
}

describe('verifySignature', () => {
  const good = `sha256=${computeSignature(SECRET, NOW_S, BODY)}`;
  const flipped = `${good.slice(0, -1)}${good.endsWith('0') ? '1' : '0'}`;

  it('signs "<timestamp>.<raw body>" with HMAC-SHA256', () => {
    const expected = createHmac('sha256', SECRET)
      .update(`${NOW_S}.{"title":"signed"}`)
      .digest('hex');
    expect(computeSignature(SECRET, NOW_S, BODY)).toBe(expected);
  });

  it('accepts a matching signature within the window, in any hex case', () => {
    expect(verifySignature(SECRET, { timestamp: NOW_S, signature: good }, BODY, NOW_MS)).toEqual({
      signature: good.slice(7),
      timestampSeconds: NOW_MS / 1000,
    });
    const upper = `sha256=${good.slice(7).toUpperCase()}`;
    expect(
      verifySignature(SECRET, { timestamp: NOW_S, signature: upper }, BODY, NOW_MS).signature,
    ).toBe(good.slice(7));
  });

  it('accepts a timestamp exactly at the edge of the window, either side', () => {
    for (const skew of [-SIGNATURE_TOLERANCE_SECONDS, SIGNATURE_TOLERANCE_SECONDS]) {
      const timestamp = String(NOW_MS / 1000 + skew);
      const signature = `sha256=${computeSignature(SECRET, timestamp, BODY)}`;
      expect(() => verifySignature(SECRET, { timestamp, signature }, BODY, NOW_MS)).not.toThrow();
    }
  });

  it.each([
    ['no headers', undefined, undefined, 'INGEST_SIGNATURE_MISSING'],
    ['no timestamp', undefined, good, 'INGEST_SIGNATURE_MISSING'],
    ['a non-numeric timestamp', '17e8', good, 'INGEST_SIGNATURE_MISSING'],
    ['a timestamp 301 s old', String(NOW_MS / 1000 - 301), good, 'INGEST_SIGNATURE_STALE'],
    ['a timestamp 301 s ahead', String(NOW_MS / 1000 + 301), good, 'INGEST_SIGNATURE_STALE'],
    ['no sha256= prefix', NOW_S, good.slice(7), 'INGEST_SIGNATURE_INVALID'],
    ['a short signature', NOW_S, 'sha256=00', 'INGEST_SIGNATURE_INVALID'],
    ['one wrong digit', NOW_S, flipped, 'INGEST_SIGNATURE_INVALID'],
    [
      'a signature of another timestamp',
      String(NOW_MS / 1000 - 1),
      good,
      'INGEST_SIGNATURE_INVALID',
    ],
  ])('refuses %s', (_label, timestamp, signature, code) => {
    expect(codeOf(() => verifySignature(SECRET, { timestamp, signature }, BODY, NOW_MS))).toBe(
      code,
    );
  });

  it('refuses a signature of another body or under another secret', () => {
    expect(
      codeOf(() =>
        verifySignature(SECRET, { timestamp: NOW_S, signature: good }, Buffer.from('{}'), NOW_MS),
      ),
    ).toBe('INGEST_SIGNATURE_INVALID');
    expect(
      codeOf(() => verifySignature('other', { timestamp: NOW_S, signature: good }, BODY, NOW_MS)),
    ).toBe('INGEST_SIGNATURE_INVALID');
  });
});
