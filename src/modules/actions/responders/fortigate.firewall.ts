import { IntegrationSettingsError } from '../../integrations';
import {
  firewallSend,
  type FirewallChange,
  type FirewallPlan,
  type FirewallPreset,
  type FirewallPresetImplementation,
  type FirewallSettings,
} from './firewall-preset';
import { ipv4Netmask, type FirewallTarget } from './firewall-target';
import { statusError, type HttpAnswer, type HttpCall } from './responder-http';
import { checkHttpUrl, requireSettings } from './responder-settings';
import { ResponderError } from './responder.errors';

const CMDB = '/api/v2/cmdb/firewall';
const FORTI_NAME = /^[^"\\/\p{Cc}]{1,79}$/u;

/** FortiOS answers `{ results: [...] }`; a group's members are `[{ name }]`. */
function membersOf(body: unknown): string[] {
  const results = (body as { results?: Array<{ member?: Array<{ name?: unknown }> }> })?.results;
  return (results?.[0]?.member ?? []).map((member) => String(member.name));
}

/**
 * FortiOS REST API (Bearer token): an address object `minisoar-<ip>` in
 * cmdb/firewall/address (address6 for IPv6), added to the address group's members through the
 * group's member sub-table (no read-modify-write of the whole list). Each step is read first,
 * so a retry only does what is left.
 */
export class FortiGateFirewall implements FirewallPreset {
  readonly secretHeaders = ['Authorization'];

  constructor(private readonly settings: FirewallSettings) {}

  async plan(change: FirewallChange): Promise<FirewallPlan> {
    const { address, group } = this.tables(change.target);
    const name = change.target.objectName;
    const groupPath = `${CMDB}/${group}/${encodeURIComponent(this.settings.group)}`;
    const groupAnswer = await this.read(
      groupPath,
      `read ${group} ${this.settings.group}`,
      change.signal,
    );
    if (groupAnswer.status === 404) {
      throw new ResponderError(
        'firewall',
        `address group "${this.settings.group}" not found (${group})`,
        false,
      );
    }
    const member = membersOf(groupAnswer.body).includes(name);
    const objectPath = `${CMDB}/${address}/${encodeURIComponent(name)}`;
    const exists =
      (await this.read(objectPath, `read ${address} ${name}`, change.signal)).status === 200;
    const calls: HttpCall[] = [];
    if (change.block) {
      if (!exists)
        calls.push(
          this.call(
            'POST',
            `${CMDB}/${address}`,
            `create ${address} ${name}`,
            this.addressBody(change),
          ),
        );
      if (!member)
        calls.push(this.call('POST', `${groupPath}/member`, `add member to ${group}`, { name }));
    } else {
      if (member)
        calls.push(
          this.call(
            'DELETE',
            `${groupPath}/member/${encodeURIComponent(name)}`,
            `remove member from ${group}`,
          ),
        );
      if (exists) calls.push(this.call('DELETE', objectPath, `delete ${address} ${name}`));
    }
    return {
      calls,
      output: {
        preset: 'fortigate',
        group: this.settings.group,
        object: name,
        cidr: change.target.cidr,
      },
    };
  }

  async apply(call: HttpCall, signal?: AbortSignal): Promise<void> {
    const answer = await firewallSend(this.settings, call, signal);
    if (answer.status !== 200)
      throw statusError('firewall', call.label, answer.status, this.why(answer));
  }

  async test(): Promise<{ ok: boolean; detail: string }> {
    const call = this.call('GET', '/api/v2/monitor/system/status', 'system status');
    const answer = await firewallSend(this.settings, call);
    if (answer.status !== 200)
      throw statusError('firewall', call.label, answer.status, this.why(answer));
    const version = (answer.body as { version?: unknown })?.version;
    return {
      ok: true,
      detail: `FortiOS answered system status${typeof version === 'string' ? ` (${version})` : ''}`,
    };
  }

  private addressBody(change: FirewallChange): Record<string, string> {
    const { target, actionId } = change;
    const comment = `Mini-SOAR action ${actionId}`;
    return target.version === 4
      ? {
          name: target.objectName,
          type: 'ipmask',
          subnet: `${target.address} ${ipv4Netmask(target.prefix)}`,
          comment,
        }
      : { name: target.objectName, type: 'ipprefix', ip6: target.cidr, comment };
  }

  private tables(target: FirewallTarget) {
    return target.version === 4
      ? { address: 'address', group: 'addrgrp' }
      : { address: 'address6', group: 'addrgrp6' };
  }

  /** A GET whose 404 means "absent"; other failures throw. */
  private async read(path: string, label: string, signal?: AbortSignal): Promise<HttpAnswer> {
    const call = this.call('GET', path, label);
    const answer = await firewallSend(this.settings, call, signal);
    if (answer.status !== 200 && answer.status !== 404)
      throw statusError('firewall', label, answer.status, this.why(answer));
    return answer;
  }

  private call(method: HttpCall['method'], path: string, label: string, body?: unknown): HttpCall {
    const url = new URL(path, this.settings.baseUrl);
    if (this.settings.vdom) url.searchParams.set('vdom', this.settings.vdom);
    return {
      method,
      url: url.toString(),
      headers: { Authorization: `Bearer ${this.settings.apiKey}` },
      body,
      label: `FortiOS ${label}`,
    };
  }

  private why(answer: HttpAnswer): string | undefined {
    const body = answer.body as { error?: unknown; cli_error?: unknown } | undefined;
    const detail = body?.cli_error ?? body?.error;
    if (detail === undefined) return undefined;
    return (typeof detail === 'string' ? detail : JSON.stringify(detail)).slice(0, 200);
  }
}

export const FORTIGATE_PRESET: FirewallPresetImplementation = {
  validate: (settings) => {
    requireSettings(settings, ['baseUrl', 'apiKey', 'group']);
    checkHttpUrl('baseUrl', settings.baseUrl);
    if (!FORTI_NAME.test(settings.group)) {
      throw new IntegrationSettingsError(
        'settings.group',
        'must be a FortiOS object name (at most 79 characters)',
      );
    }
    if (settings.vdom && !/^[A-Za-z0-9_-]{1,31}$/.test(settings.vdom)) {
      throw new IntegrationSettingsError('settings.vdom', 'must be a VDOM name');
    }
  },
  create: (settings) => new FortiGateFirewall(settings),
};
