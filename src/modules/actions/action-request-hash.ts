import { createHash } from 'node:crypto';
import type { ActionType } from '../../generated/prisma/enums';
import { canonicalJson } from '../audit';

export interface ActionRequestBody {
  actionType: ActionType;
  target: string;
  /** A JSON object (as stored: jsonb's key order does not matter). */
  params: unknown;
}

/**
 * What an approval binds to: sha256 (hex) of the canonical JSON of type, target and params,
 * so key order never matters and any change to any of them does.
 */
export function requestHash(request: ActionRequestBody): string {
  const { actionType, target, params } = request;
  return createHash('sha256').update(canonicalJson({ actionType, target, params })).digest('hex');
}
