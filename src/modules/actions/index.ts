export { RESPONDER_DEFINITIONS } from './responders/responder.registry';
export type {
  PlannedEffect,
  Responder,
  ResponderDeps,
  ResponderRequest,
  ResponderResult,
  ResponseContext,
} from './responders/responder';
export { ResponderMode } from './responders/responder';
export { ResponderError } from './responders/responder.errors';
export { defineResponder, type ResponderDefinition } from './responders/responder-definition';
