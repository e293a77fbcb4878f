import type { JsonObject } from '../../../common/types/json';
import type { ActionType } from '../../../generated/prisma/enums';
import type { IntegrationConfig } from '../../integrations';

/** How a responder runs: for real, or only recording exactly what it would do. */
export enum ResponderMode {
  Live = 'live',
  /** A playbook's dry run: nothing changes anywhere. */
  DryRun = 'dry-run',
  /** NOTIFY_ONLY=true for high-impact actions: record the exact change, make none. */
  NotifyOnly = 'notify-only',
}

/** Case and alert facts a message or ticket can show; all optional. */
export interface ResponseContext {
  caseId: string;
  caseNumber?: number;
  caseTitle?: string;
  severity?: string;
  riskScore?: number | null;
  alertId?: string | null;
  alertTitle?: string | null;
  /** Link back to the case in Mini-SOAR (PUBLIC_URL + /cases/:id). */
  link?: string;
  requestedBy?: string | null;
  reason?: string | null;
}

export interface ResponderRequest {
  /** The action's id: the idempotency key, so a retried job never acts twice. */
  actionId: string;
  actionType: ActionType;
  target: string;
  params: JsonObject;
  context: ResponseContext;
  mode: ResponderMode;
  /**
   * 1 on the first run, more when the job is retried (crash, backoff, POST /retry). Absent
   * counts as a retry. Responders whose check before acting costs a rate-limited call (Slack
   * history) make it only on retries.
   */
  attempt?: number;
  signal?: AbortSignal;
}

/**
 * One outbound effect exactly as it is (or would be) sent, secrets replaced by "[redacted]":
 * an HTTP request, a process argv, an LDAP modify, an SMTP message.
 */
export type PlannedEffect =
  | { kind: 'http'; method: string; url: string; headers?: Record<string, string>; body?: unknown }
  | { kind: 'exec'; argv: string[] }
  | { kind: 'ldap'; operation: string; dn: string; changes: JsonObject }
  | { kind: 'smtp'; from: string; to: string[]; subject: string };

export interface ResponderResult {
  /** What was done (or would have been): ticket key, device id, message ts... */
  output: JsonObject;
  /** The effects sent, or in DryRun/NotifyOnly the effects that would have been sent. */
  effects: PlannedEffect[];
  /** True when the target was already in the wanted state and nothing was changed. */
  alreadyDone?: boolean;
}

/**
 * One vendor's way of carrying out actions. Implementations must be idempotent per
 * `actionId` (check before acting), honour `mode`, and throw ResponderError with a clear
 * reason on failure (the action becomes FAILED and keeps it).
 */
export interface Responder {
  /** The integration it is configured by (`PUT /integrations/:name`). */
  readonly name: string;
  readonly actionTypes: readonly ActionType[];
  execute(request: ResponderRequest): Promise<ResponderResult>;
  /** A harmless call proving connectivity and credentials (`POST /integrations/:name/test`). */
  testConnection(): Promise<{ ok: boolean; detail: string }>;
}

/** Builds a responder from its integration's effective configuration (secrets decrypted). */
export type ResponderFactory = (config: IntegrationConfig, deps: ResponderDeps) => Responder;

/** What responders take besides their settings; injectable in tests. */
export interface ResponderDeps {
  now?: () => number;
}
