import { ErrorKind, ModuleError } from '../../errors/module-error';

/**
 * A destination the SSRF guard refused. A ModuleError (422 if it ever reaches the HTTP layer):
 * the configured URL, not the server, is at fault. It names the host, the resolved address
 * and why; never a path, query or header, so it cannot carry a secret.
 */
export class OutboundBlockedError extends ModuleError {
  constructor(
    readonly host: string,
    readonly reason: string,
    readonly address?: string,
  ) {
    const where = address && address !== host ? `${host} (${address})` : host;
    super(
      ErrorKind.Unprocessable,
      'OUTBOUND_BLOCKED',
      `Outbound connection to ${where} refused: ${reason}`,
    );
  }
}

export type OutboundFailure = 'timeout' | 'network' | 'too_large' | 'status';

/**
 * An outbound HTTP request that did not produce a usable answer. Its message names the
 * target (origin and path only) and the failure; request headers (tokens) are never copied.
 */
export class OutboundRequestError extends ModuleError {
  constructor(
    readonly target: string,
    readonly failure: OutboundFailure,
    readonly detail: string,
    readonly status?: number,
  ) {
    super(ErrorKind.Unavailable, `OUTBOUND_${failure.toUpperCase()}`, `${target}: ${detail}`);
  }
}
