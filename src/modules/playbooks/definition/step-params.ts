import { ActionType } from '../../../generated/prisma/enums';
import { BUILTIN_STEPS, type BuiltinStep } from './playbook-definition';

/** What a step's params may hold. `open`: other keys are allowed (passed on as action params). */
export interface StepParamSpec {
  required: readonly string[];
  optional: readonly string[];
  open: boolean;
}

const ACTION_SPEC: StepParamSpec = { required: ['target'], optional: ['reason'], open: true };

const BUILTIN_SPECS: Record<BuiltinStep, StepParamSpec> = {
  enrich: { required: [], optional: [], open: false },
  set_severity: { required: ['severity'], optional: [], open: false },
  add_note: { required: ['note'], optional: [], open: false },
  create_case: { required: [], optional: ['title', 'severity'], open: false },
  assign: { required: ['assignee'], optional: [], open: false },
  close_alert: { required: [], optional: ['reason'], open: false },
  notify: { required: ['channel', 'target', 'message'], optional: [], open: false },
  wait_for_approval: { required: [], optional: ['reason', 'timeoutSeconds'], open: false },
};

/** Action names as saved: lower-case. */
export const ACTION_STEP_NAMES: readonly string[] = Object.values(ActionType).map((type) =>
  type.toLowerCase(),
);

export const STEP_PARAMS: Readonly<Record<string, StepParamSpec>> = {
  ...Object.fromEntries(ACTION_STEP_NAMES.map((name) => [name, ACTION_SPEC])),
  ...BUILTIN_SPECS,
};

export const NOTIFY_CHANNELS = ['slack', 'teams', 'email'] as const;

export function isBuiltinStep(action: string): action is BuiltinStep {
  return (BUILTIN_STEPS as readonly string[]).includes(action);
}

/** The ActionType of a step's (lower-case) action, or null for a built-in step. */
export function actionTypeOf(action: string): ActionType | null {
  const upper = action.toUpperCase();
  return (Object.values(ActionType) as string[]).includes(upper) ? (upper as ActionType) : null;
}
