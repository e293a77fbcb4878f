import type { JsonObject } from '../../../common/types/json';
import type { FirewallTarget } from './firewall-target';
import { sendHttp, type HttpAnswer, type HttpCall } from './responder-http';

export interface FirewallSettings {
  preset: string;
  /** The firewall's API origin (paloalto, fortigate); generic: what relative templates join. */
  baseUrl: string;
  /** Secret: PAN-OS API key (X-PAN-KEY), FortiOS REST API token, or the generic Bearer token. */
  apiKey: string;
  /** The address group the firewall's deny policy references (paloalto, fortigate). */
  group: string;
  /** generic: the request URL, absolute or relative to baseUrl, with {{ip}} {{actionId}} {{action}}. */
  urlTemplate: string;
  /** generic: the JSON body with the same placeholders (empty: no body). */
  bodyTemplate: string;
  /** generic: the HTTP method. */
  method: string;
  /** paloalto: the virtual system holding the objects. */
  vsys: string;
  /** fortigate: the VDOM (empty: the token's default). */
  vdom: string;
  timeoutMs: number;
}

/** One block or unblock as a preset sees it. */
export interface FirewallChange {
  block: boolean;
  target: FirewallTarget;
  actionId: string;
  signal?: AbortSignal;
}

/** The writes still needed to reach the wanted state (none: it is already there). */
export interface FirewallPlan {
  calls: HttpCall[];
  output: JsonObject;
}

/** One vendor's way of blocking: read state and plan the writes, send one write, test. */
export interface FirewallPreset {
  /** Headers whose values are secrets, redacted in the recorded effects. */
  readonly secretHeaders: readonly string[];
  plan(change: FirewallChange): Promise<FirewallPlan>;
  /** Sends one planned write; throws ResponderError unless the firewall accepted it. */
  apply(call: HttpCall, signal?: AbortSignal): Promise<void>;
  test(): Promise<{ ok: boolean; detail: string }>;
}

export interface FirewallPresetImplementation {
  /** Throws IntegrationSettingsError naming the bad field. */
  validate(settings: FirewallSettings): void;
  create(settings: FirewallSettings): FirewallPreset;
}

/** The firewall responder's one way out: every preset's requests go through here. */
export function firewallSend(
  settings: FirewallSettings,
  call: HttpCall,
  signal?: AbortSignal,
): Promise<HttpAnswer> {
  return sendHttp('firewall', call, { timeoutMs: settings.timeoutMs, signal });
}
