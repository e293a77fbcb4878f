/**
 * The shape of a playbook definition (contract shared by definitions and the runner).
 * A definition is validated once, when saved (see playbook-schema.ts); anything read
 * back from a PlaybookVersion row is already of this shape, with `action` lower-cased.
 *
 * Implementations: `evaluateCondition` in ../conditions/evaluate-condition.ts,
 * `renderTemplate` in ../templating/render-template.ts (signatures at the end of this file).
 */

/** Comparison operators. `ieq` is case-insensitive string equality. */
export const CONDITION_OPERATORS = [
  'eq',
  'ne',
  'ieq',
  'gt',
  'gte',
  'lt',
  'lte',
  'in',
  'contains',
  'matches',
  'exists',
] as const;
export type ConditionOperator = (typeof CONDITION_OPERATORS)[number];

/**
 * `{field, op, value}`. `exists` takes an optional boolean value: `{op: exists, value: false}`
 * is "not exists" (the only comparison that is true on a missing field).
 */
export interface Comparison {
  field: string;
  op: ConditionOperator;
  value?: unknown;
}
export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}
export type Condition = Comparison | AllCondition | AnyCondition | NotCondition;

/** Built-in steps; any lower-cased ActionType (block_ip, notify_slack...) is also a valid action. */
export const BUILTIN_STEPS = [
  'enrich',
  'set_severity',
  'add_note',
  'create_case',
  'assign',
  'close_alert',
  'notify',
  'wait_for_approval',
] as const;
export type BuiltinStep = (typeof BUILTIN_STEPS)[number];

export type PlaybookMode = 'live' | 'dry-run';
export type OnError = 'continue' | 'stop';

/** What starts a playbook by itself: scoring of an alert (the default), or a person's change to a case. */
export const TRIGGER_EVENTS = ['alert.scored', 'case.status_changed', 'case.assigned'] as const;
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];

export interface PlaybookTrigger {
  /** The events it listens to; absent = `alert.scored` only. */
  on?: TriggerEvent[];
  /** Alert severities (LOW..CRITICAL, upper-cased when saved); empty or absent = any. */
  severities?: string[];
  /** Alert sources; empty or absent = any. */
  sources?: string[];
  condition?: Condition;
}

export type ForEach = string | { field: string; where?: Condition };

export interface PlaybookStep {
  /** Unique within the definition: [a-zA-Z][a-zA-Z0-9_-]*; referenced as `steps.<id>`. */
  id: string;
  /** Lower-cased when saved: a BuiltinStep or a lower-cased ActionType. */
  action: string;
  /**
   * Strings at any depth are mustache templates rendered against the context. Per action
   * (see STEP_PARAMS in step-params.ts): action types take `target` (required), `reason`,
   * and any other key passed on as the action's params (`durationSeconds`...);
   * set_severity `{severity}`, add_note `{note}`, assign `{assignee}` (user id or email),
   * notify `{channel: slack|teams|email, target, message}`, create_case `{title?, severity?}`,
   * close_alert `{reason?}`, wait_for_approval `{reason?, timeoutSeconds?}`, enrich `{}`.
   */
  params?: Record<string, unknown>;
  if?: Condition;
  requiresApproval?: boolean;
  /**
   * Runs the step once per item of a list: a field path (`observables`), or
   * `{field, where}` to keep only the items matching `where` (read as `item.*`).
   * The item renders as `{{item}}` / `{{item.value}}`; see forEachItems() (runner caps the count).
   */
  for_each?: ForEach;
  on_error?: OnError;
  /** Optional human label. */
  name?: string;
}

export interface PlaybookDefinition {
  name: string;
  description?: string;
  enabled?: boolean;
  mode?: PlaybookMode;
  trigger?: PlaybookTrigger;
  steps: PlaybookStep[];
}

/** An observable as the context exposes it (type lower-cased: ipv4, domain, sha256...). */
export interface ContextObservable {
  id?: string;
  type: string;
  value: string;
  /**
   * The most severe of the providers' latest verdicts (malicious > suspicious > harmless >
   * unknown), lower-case; null before enrichment. `verdicts` has each provider's.
   */
  verdict: string | null;
  verdicts?: Record<string, string>;
  internal?: boolean;
  allowlisted?: boolean;
}

/**
 * What conditions read and templates render. Condition fields are paths into this object,
 * with alert fields also readable at the top level: `riskScore` = `alert.riskScore`,
 * `normalized.srcIp` = `alert.normalized.srcIp`, `observables` = `alert.observables`.
 * Templates use the full path: `{{alert.normalized.srcIp}}`, `{{case.id}}`,
 * `{{steps.ticket.output.key}}`.
 */
export interface EvaluationContext {
  alert?: {
    id: string;
    title: string;
    source: string;
    /** LOW | MEDIUM | HIGH | CRITICAL */
    severity: string;
    status: string;
    riskScore: number | null;
    receivedAt?: string;
    normalized: Record<string, unknown>;
    scoreBreakdown: unknown;
    observables: ContextObservable[];
    /** How many times this alert's fingerprint was seen (duplicates included). */
    occurrences: number;
    [key: string]: unknown;
  };
  case?: {
    id: string;
    status: string;
    severity?: string;
    assigneeId?: string | null;
    [key: string]: unknown;
  };
  asset?: { criticality: string; hostname?: string; [key: string]: unknown };
  /** Outputs of the steps that already ran: `steps.<id>.output`, `steps.<id>.status`. */
  steps?: Record<string, { status?: string; output?: unknown }>;
  /** The current for_each item. */
  item?: unknown;
}

/** Condition evaluator: never throws; unknown/missing/mismatched reads are false. */
export type EvaluateCondition = (
  condition: Condition | undefined,
  context: EvaluationContext,
) => boolean;
/** Renders every string inside `value` (deeply) as a logic-less template; missing values render empty. */
export type RenderTemplate = <T>(value: T, context: EvaluationContext) => T;
