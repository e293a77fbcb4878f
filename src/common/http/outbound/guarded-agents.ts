import http from 'node:http';
import https from 'node:https';
import type { Duplex } from 'node:stream';
import { outboundPolicyGeneration } from './outbound-policy';
import { assertLiteralHostAllowed, guardedLookup } from './ssrf-guard';

type ConnectionCallback = (error: Error | null, stream: Duplex) => void;

/**
 * Checks a literal-IP host before connecting (Node skips `lookup` for those); a name is
 * checked by `guardedLookup` while connecting. Refusals go through the agent's callback, so
 * the request fails with the OutboundBlockedError as its error.
 */
function refuseLiteral(options: http.ClientRequestArgs, callback?: ConnectionCallback): boolean {
  try {
    assertLiteralHostAllowed(options.hostname ?? options.host ?? '');
    return false;
  } catch (error) {
    if (!callback) throw error;
    callback(error as Error, undefined as unknown as Duplex);
    return true;
  }
}

const AGENT_OPTIONS = { keepAlive: true, lookup: guardedLookup };

export class GuardedHttpAgent extends http.Agent {
  constructor() {
    super(AGENT_OPTIONS);
  }

  override createConnection(
    options: http.ClientRequestArgs,
    callback?: ConnectionCallback,
  ): Duplex | null | undefined {
    return refuseLiteral(options, callback) ? undefined : super.createConnection(options, callback);
  }

  override getName(options?: http.ClientRequestArgs): string {
    return `${super.getName(options)}:${outboundPolicyGeneration()}`;
  }
}

export class GuardedHttpsAgent extends https.Agent {
  constructor() {
    super(AGENT_OPTIONS);
  }

  override createConnection(
    options: https.RequestOptions,
    callback?: ConnectionCallback,
  ): Duplex | null | undefined {
    return refuseLiteral(options, callback) ? undefined : super.createConnection(options, callback);
  }

  override getName(options?: https.RequestOptions): string {
    return `${super.getName(options)}:${outboundPolicyGeneration()}`;
  }
}

/**
 * Shared guarded agents, for every library that takes one (axios, @slack/web-api `agent`).
 * Each connection, redirects included, is checked against the current outbound policy.
 */
export const guardedHttpAgent = new GuardedHttpAgent();
export const guardedHttpsAgent = new GuardedHttpsAgent();
