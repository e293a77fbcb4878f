import { IntegrationSettingsError } from '../../integrations';
import {
  firewallSend,
  type FirewallChange,
  type FirewallPlan,
  type FirewallPreset,
  type FirewallPresetImplementation,
  type FirewallSettings,
} from './firewall-preset';
import { statusError, type HttpCall } from './responder-http';
import { checkHttpUrl, requireSettings } from './responder-settings';

export const TEMPLATE_PLACEHOLDERS = ['ip', 'actionId', 'action'] as const;
type Placeholder = (typeof TEMPLATE_PLACEHOLDERS)[number];
export type TemplateValues = Record<Placeholder, string>;

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;
const METHODS = ['POST', 'PUT', 'DELETE', 'GET'] as const;
const SAMPLE: TemplateValues = { ip: '192.0.2.1/32', actionId: 'sample', action: 'block' };

/**
 * Logic-less substitution of {{ip}}, {{actionId}} and {{action}}: each value escaped for where
 * it lands (URL-encoded in a URL, JSON-string-escaped in a body), so a value never becomes syntax.
 */
export function renderTemplate(
  template: string,
  values: TemplateValues,
  escape: (value: string) => string,
): string {
  return template.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(values, name) ? escape(values[name as Placeholder]) : whole,
  );
}

export const urlEscape = (value: string) => encodeURIComponent(value);
/** The inside of a JSON string literal: the template supplies the quotes. */
export const jsonEscape = (value: string) => JSON.stringify(value).slice(1, -1);

function unknownPlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)]
    .map((match) => match[1])
    .filter((name) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name));
}

/**
 * Any HTTP API: one templated request per block or unblock ({{action}} is `block` or
 * `unblock`). It cannot read the firewall's state, so it sends `Idempotency-Key: <actionId>`
 * and relies on the endpoint to treat a repeat as the same request.
 */
export class GenericFirewall implements FirewallPreset {
  readonly secretHeaders = ['Authorization'];

  constructor(private readonly settings: FirewallSettings) {}

  plan(change: FirewallChange): Promise<FirewallPlan> {
    const values: TemplateValues = {
      ip: change.target.cidr,
      actionId: change.actionId,
      action: change.block ? 'block' : 'unblock',
    };
    const { bodyTemplate } = this.settings;
    const call: HttpCall = {
      method: this.settings.method as HttpCall['method'],
      url: resolveUrl(this.settings, renderTemplate(this.settings.urlTemplate, values, urlEscape)),
      headers: { ...this.auth(), 'Idempotency-Key': change.actionId },
      body: bodyTemplate
        ? (JSON.parse(renderTemplate(bodyTemplate, values, jsonEscape)) as unknown)
        : undefined,
      label: `generic ${values.action} request`,
    };
    return Promise.resolve({
      calls: [call],
      output: { preset: 'generic', cidr: change.target.cidr, action: values.action },
    });
  }

  async apply(call: HttpCall, signal?: AbortSignal): Promise<void> {
    const answer = await firewallSend(this.settings, call, signal);
    if (answer.status < 200 || answer.status >= 300)
      throw statusError('firewall', call.label, answer.status);
  }

  /** A GET of baseUrl (or the template's origin): reachable, and the token not refused. */
  async test(): Promise<{ ok: boolean; detail: string }> {
    const url =
      this.settings.baseUrl ||
      new URL(renderTemplate(this.settings.urlTemplate, SAMPLE, urlEscape)).origin;
    const answer = await firewallSend(this.settings, {
      method: 'GET',
      url,
      headers: this.auth(),
      label: 'generic test GET',
    });
    const ok = answer.status < 500 && answer.status !== 401 && answer.status !== 403;
    return { ok, detail: `GET ${new URL(url).origin} answered HTTP ${answer.status}` };
  }

  private auth(): Record<string, string> {
    return this.settings.apiKey ? { Authorization: `Bearer ${this.settings.apiKey}` } : {};
  }
}

function resolveUrl(settings: FirewallSettings, rendered: string): string {
  return settings.baseUrl ? new URL(rendered, settings.baseUrl).toString() : rendered;
}

export const GENERIC_PRESET: FirewallPresetImplementation = {
  validate: (settings) => {
    requireSettings(settings, ['urlTemplate']);
    if (settings.baseUrl) checkHttpUrl('baseUrl', settings.baseUrl);
    for (const field of ['urlTemplate', 'bodyTemplate'] as const) {
      const unknown = unknownPlaceholders(settings[field]);
      if (unknown.length > 0) {
        throw new IntegrationSettingsError(
          `settings.${field}`,
          `uses unknown placeholders ${unknown.map((name) => `{{${name}}}`).join(', ')} (known: {{ip}}, {{actionId}}, {{action}})`,
        );
      }
    }
    let url: string;
    try {
      url = resolveUrl(settings, renderTemplate(settings.urlTemplate, SAMPLE, urlEscape));
    } catch {
      throw new IntegrationSettingsError(
        'settings.urlTemplate',
        'must be a URL (or a path when baseUrl is set)',
      );
    }
    checkHttpUrl('urlTemplate', url);
    if (settings.bodyTemplate) {
      try {
        JSON.parse(renderTemplate(settings.bodyTemplate, SAMPLE, jsonEscape));
      } catch {
        throw new IntegrationSettingsError(
          'settings.bodyTemplate',
          'must be JSON once its placeholders are filled in',
        );
      }
    }
    if (!(METHODS as readonly string[]).includes(settings.method)) {
      throw new IntegrationSettingsError('settings.method', `must be one of ${METHODS.join(', ')}`);
    }
  },
  create: (settings) => new GenericFirewall(settings),
};
