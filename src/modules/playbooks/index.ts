export type {
  Comparison,
  Condition,
  ConditionOperator,
  ContextObservable,
  EvaluationContext,
  ForEach,
  OnError,
  PlaybookDefinition,
  PlaybookMode,
  PlaybookStep,
  PlaybookTrigger,
  BuiltinStep,
} from './definition/playbook-definition';
export {
  BUILTIN_STEPS,
  CONDITION_OPERATORS,
  TRIGGER_EVENTS,
  type TriggerEvent,
} from './definition/playbook-definition';
export { actionTypeOf, isBuiltinStep, STEP_PARAMS } from './definition/step-params';
export { validateDefinition } from './definition/validate-definition';
export { evaluateCondition } from './conditions/evaluate-condition';
export { forEachItems } from './conditions/for-each';
export { renderTemplate } from './templating/render-template';
export { triggerMatches } from './conditions/trigger';
export { alertContext, assetKeysOf } from './context/evaluation-context';
export { PlaybooksModule } from './playbooks.module';
export { PlaybooksService, type PinnedVersion } from './playbooks.service';
export { PlaybookNotFoundError, PlaybookVersionNotFoundError } from './playbooks.errors';
