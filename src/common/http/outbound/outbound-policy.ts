import { parseCidrs, type Cidr } from '../../indicators/ip-address';

/**
 * Process-wide outbound policy. AppModule.forRoot sets it once from AppConfig
 * (OUTBOUND_ALLOW_CIDRS), so the guarded agents, OutboundHttpClient and assertHostAllowed
 * read it at connect time without every responder or provider factory threading it through.
 * Until configured nothing internal is allowed (fail closed).
 */
export interface OutboundPolicy {
  /** Ranges exempt from the private/loopback/link-local refusal (never metadata addresses). */
  allowCidrs: readonly Cidr[];
}

let current: OutboundPolicy = { allowCidrs: [] };
let generation = 0;

export function configureOutboundPolicy(allowCidrs: readonly string[]): void {
  current = { allowCidrs: parseCidrs(allowCidrs) };
  generation++;
}

/** Changes with every configure: pooled connections made under an older policy are not reused. */
export function outboundPolicyGeneration(): number {
  return generation;
}

export function outboundPolicy(): OutboundPolicy {
  return current;
}
