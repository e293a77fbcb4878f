export { configureOutboundPolicy, outboundPolicy } from './outbound-policy';
export { addressRefusal, assertHostAllowed, guardedLookup } from './ssrf-guard';
export { guardedHttpAgent, guardedHttpsAgent } from './guarded-agents';
export {
  OutboundBlockedError,
  OutboundRequestError,
  type OutboundFailure,
} from './outbound.errors';
export {
  OutboundHttpClient,
  OUTBOUND_DEFAULTS,
  describeUrl,
  type OutboundClientOptions,
  type OutboundMethod,
  type OutboundRequest,
  type OutboundResponse,
  type OutboundRetryOptions,
  type OutboundStreamResponse,
} from './outbound-http.client';
export { parseRetryAfter } from './retry-after';
