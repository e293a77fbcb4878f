import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../../common/crypto/tokens';
import { IngestSignatureError } from '../auth.errors';

/** A signed request's timestamp may be this far from the server's clock, either way. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export interface SignatureHeaders {
  timestamp: unknown;
  signature: unknown;
}

export interface VerifiedSignature {
  /** Lower-case hex, as accepted (the replay key). */
  signature: string;
  timestampSeconds: number;
}

/** hex HMAC-SHA256 of `<timestamp>.<raw body>`: what a sender puts after `sha256=`. */
export function computeSignature(secret: string, timestamp: string, rawBody: Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/**
 * Checks the headers of a request sent with a signed key; throws IngestSignatureError when
 * they are missing, malformed, out of the time window or do not match the body.
 */
export function verifySignature(
  secret: string,
  headers: SignatureHeaders,
  rawBody: Buffer,
  nowMs: number,
): VerifiedSignature {
  const { timestamp, signature } = headers;
  if (typeof timestamp !== 'string' || typeof signature !== 'string') {
    throw IngestSignatureError.missing();
  }
  if (!/^\d{1,12}$/.test(timestamp)) throw IngestSignatureError.missing();
  const timestampSeconds = Number(timestamp);
  if (Math.abs(nowMs / 1000 - timestampSeconds) > SIGNATURE_TOLERANCE_SECONDS) {
    throw IngestSignatureError.stale(SIGNATURE_TOLERANCE_SECONDS);
  }
  const presented = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim())?.[1]?.toLowerCase();
  const expected = computeSignature(secret, timestamp, rawBody);
  if (!presented || !constantTimeEqual(presented, expected)) throw IngestSignatureError.mismatch();
  return { signature: presented, timestampSeconds };
}
