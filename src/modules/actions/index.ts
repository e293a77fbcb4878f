export { ActionsModule } from './actions.module';
export { ActionsService, type ActionOrigin, type ExecutionStarted } from './actions.service';
export type { ActionWithApprovals } from './actions.repository';
export { ActionDto, toActionDto } from './dto/action.dto';
export { ActionPreviewer, type ActionPreview } from './execution/action-preview';
export { RequestActionDto } from './dto/request-action.dto';
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
