import { sign, verify, type KeyObject } from 'node:crypto';
import { AuditCheckpointMalformedError } from './audit.errors';

/** A signed statement that the sealed log held entry `seq` with link `hash` at time `at`. */
export interface AuditCheckpoint {
  seq: number;
  hash: string;
  at: string;
  /** Ed25519 signature of checkpointMessage(), base64. */
  signature: string;
}

export type UnsignedCheckpoint = Omit<AuditCheckpoint, 'signature'>;

const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;
const HASH = /^[0-9a-f]{64}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const ED25519_SIGNATURE_BYTES = 64;

/** The exact bytes signed; documented in the README so anyone can check a checkpoint. */
export function checkpointMessage({ seq, hash, at }: UnsignedCheckpoint): Buffer {
  return Buffer.from(`mini-soar audit checkpoint v1\n${seq}\n${hash}\n${at}`, 'utf8');
}

export function signCheckpoint(key: KeyObject, checkpoint: UnsignedCheckpoint): AuditCheckpoint {
  const signature = sign(null, checkpointMessage(checkpoint), key).toString('base64');
  return { ...checkpoint, signature };
}

export function checkpointSignatureValid(key: KeyObject, checkpoint: AuditCheckpoint): boolean {
  return verify(
    null,
    checkpointMessage(checkpoint),
    key,
    Buffer.from(checkpoint.signature, 'base64'),
  );
}

/** Reads `?checkpoint=`: base64 (or base64url) of the checkpoint's JSON. */
export function decodeCheckpoint(encoded: string): AuditCheckpoint {
  // A '+' sent without URL-encoding arrives as a space.
  const text = encoded.trim().replace(/ /g, '+');
  if (!BASE64.test(text)) throw new AuditCheckpointMalformedError('not base64');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
  } catch {
    throw new AuditCheckpointMalformedError('not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new AuditCheckpointMalformedError('not an object');
  return checkFields(parsed as Record<string, unknown>);
}

function checkFields(value: Record<string, unknown>): AuditCheckpoint {
  const { seq, hash, at, signature } = value;
  if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 0)
    throw new AuditCheckpointMalformedError('seq must be a non-negative integer');
  if (typeof hash !== 'string' || !HASH.test(hash))
    throw new AuditCheckpointMalformedError('hash must be 64 lowercase hex characters');
  if (typeof at !== 'string' || !ISO_TIME.test(at) || Number.isNaN(Date.parse(at)))
    throw new AuditCheckpointMalformedError('at must be an ISO-8601 time');
  if (
    typeof signature !== 'string' ||
    !BASE64.test(signature) ||
    Buffer.from(signature, 'base64').length !== ED25519_SIGNATURE_BYTES
  )
    throw new AuditCheckpointMalformedError('signature must be a base64 Ed25519 signature');
  return { seq, hash, at, signature };
}
