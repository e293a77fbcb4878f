import { IntegrationSettingsError } from '../../integrations';
import {
  firewallSend,
  type FirewallChange,
  type FirewallPlan,
  type FirewallPreset,
  type FirewallPresetImplementation,
  type FirewallSettings,
} from './firewall-preset';
import type { HttpCall } from './responder-http';
import { checkHttpUrl, requireSettings } from './responder-settings';
import { ResponderError } from './responder.errors';
import { statusError } from './responder-http';

/** PAN-OS object names: letters, digits, '.', '-', '_' and spaces, at most 63. */
const PAN_NAME = /^[A-Za-z0-9][A-Za-z0-9._ -]{0,62}$/;
const KEY_HEADER = 'X-PAN-KEY';

/** `<result>` contents of an XML API answer; undefined when empty (`<result/>`: no such node). */
function resultOf(xml: string): string | undefined {
  const match = /<result(?:\s[^>]*)?>([\s\S]*)<\/result>/.exec(xml);
  return match && match[1].trim() !== '' ? match[1] : undefined;
}

/** The refusal PAN-OS gives in `<msg>` / `<line>`, tags stripped. */
function messageOf(xml: string): string {
  const match = /<msg>([\s\S]*?)<\/msg>/.exec(xml);
  return (match?.[1] ?? xml)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 300);
}

const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * PAN-OS XML API: an address object `minisoar-<ip>` (ip-netmask), a static member of the
 * address group the deny rule uses, then a commit. Reads the running config (`action=show`)
 * to know whether the block is live, the candidate (`action=get`) to skip writes already made,
 * so a retry after a crash between set and commit only commits.
 */
export class PaloAltoFirewall implements FirewallPreset {
  readonly secretHeaders = [KEY_HEADER];
  private readonly vsysPath: string;

  constructor(private readonly settings: FirewallSettings) {
    this.vsysPath = `/config/devices/entry[@name='localhost.localdomain']/vsys/entry[@name='${settings.vsys}']`;
  }

  async plan(change: FirewallChange): Promise<FirewallPlan> {
    const name = change.target.objectName;
    const groupPath = `${this.vsysPath}/address-group/entry[@name='${this.settings.group}']`;
    const addressPath = `${this.vsysPath}/address/entry[@name='${name}']`;
    const candidateGroup = await this.read('get', groupPath, change.signal);
    if (candidateGroup === undefined) {
      throw new ResponderError(
        'firewall',
        `address group "${this.settings.group}" not found on the firewall`,
        false,
      );
    }
    const isMember = (group: string | undefined) => group?.includes(`>${name}</member>`) ?? false;
    const running = isMember(await this.read('show', groupPath, change.signal));
    const candidate = isMember(candidateGroup);
    const objectExists = (await this.read('get', addressPath, change.signal)) !== undefined;
    const calls: HttpCall[] = [];
    if (change.block) {
      if (!objectExists) {
        const element = `<ip-netmask>${change.target.cidr}</ip-netmask><description>${escapeXml(`Mini-SOAR action ${change.actionId}`)}</description>`;
        calls.push(this.config('set', addressPath, element));
      }
      if (!candidate)
        calls.push(this.config('set', `${groupPath}/static`, `<member>${name}</member>`));
      if (calls.length > 0 || !running) calls.push(this.commit());
    } else {
      if (candidate)
        calls.push(this.config('delete', `${groupPath}/static/member[text()='${name}']`));
      if (objectExists) calls.push(this.config('delete', addressPath));
      if (calls.length > 0 || running) calls.push(this.commit());
    }
    return {
      calls,
      output: {
        preset: 'paloalto',
        group: this.settings.group,
        object: name,
        cidr: change.target.cidr,
      },
    };
  }

  async apply(call: HttpCall, signal?: AbortSignal): Promise<void> {
    await this.send(call, signal);
  }

  async test(): Promise<{ ok: boolean; detail: string }> {
    const info = { type: 'op', cmd: '<show><system><info></info></system></show>' };
    const xml = await this.send({ ...this.call(info, 'show system info'), retrySafe: true });
    const version = /<sw-version>([^<]*)<\/sw-version>/.exec(xml)?.[1];
    return {
      ok: true,
      detail: `PAN-OS answered show system info${version ? ` (PAN-OS ${version})` : ''}`,
    };
  }

  private async read(action: 'get' | 'show', xpath: string, signal?: AbortSignal) {
    const call = {
      ...this.call({ type: 'config', action, xpath }, `config ${action}`),
      retrySafe: true,
    };
    return resultOf(await this.send(call, signal));
  }

  private config(action: 'set' | 'delete', xpath: string, element?: string): HttpCall {
    const params: Record<string, string> = { type: 'config', action, xpath };
    if (element !== undefined) params.element = element;
    return this.call(params, `config ${action}`);
  }

  private commit(): HttpCall {
    return this.call({ type: 'commit', cmd: '<commit></commit>' }, 'commit');
  }

  private call(params: Record<string, string>, label: string): HttpCall {
    return {
      method: 'POST',
      url: `${this.settings.baseUrl.replace(/\/+$/, '')}/api/`,
      headers: { [KEY_HEADER]: this.settings.apiKey },
      body: new URLSearchParams(params),
      label: `PAN-OS ${label}`,
    };
  }

  /** Sends a request and returns the XML of a `status="success"` answer. */
  private async send(call: HttpCall, signal?: AbortSignal): Promise<string> {
    const answer = await firewallSend(this.settings, call, signal);
    const xml = typeof answer.body === 'string' ? answer.body : '';
    if (answer.status !== 200)
      throw statusError('firewall', call.label, answer.status, xml ? messageOf(xml) : undefined);
    if (!/<response[^>]*status\s*=\s*["']success["']/.test(xml)) {
      throw new ResponderError(
        'firewall',
        `${call.label} refused: ${messageOf(xml) || 'no message'}`,
        false,
      );
    }
    return xml;
  }
}

export const PALOALTO_PRESET: FirewallPresetImplementation = {
  validate: (settings) => {
    requireSettings(settings, ['baseUrl', 'apiKey', 'group', 'vsys']);
    checkHttpUrl('baseUrl', settings.baseUrl);
    for (const field of ['group', 'vsys'] as const) {
      if (!PAN_NAME.test(settings[field])) {
        throw new IntegrationSettingsError(
          `settings.${field}`,
          'must be a PAN-OS name (letters, digits, . - _ and spaces)',
        );
      }
    }
  },
  create: (settings) => new PaloAltoFirewall(settings),
};
