import { ActionType } from '../../../generated/prisma/enums';
import { isJsonObject } from '../../../common/types/json';
import type { IntegrationConfig } from '../../integrations';
import { adfDescription } from './jira-adf';
import { clip, describeRequest } from './notification-content';
import {
  ResponderMode,
  type Responder,
  type ResponderRequest,
  type ResponderResult,
} from './responder';
import { defineResponder } from './responder-definition';
import {
  httpEffect,
  sendHttp,
  statusError,
  type HttpAnswer,
  type HttpCall,
} from './responder-http';
import { checkHttpUrl, readSettings, requireSettings, targetOrDefault } from './responder-settings';
import { ResponderError } from './responder.errors';

export interface JiraSettings {
  /** The site, e.g. https://your-team.atlassian.net */
  baseUrl: string;
  /** The Atlassian account the API token belongs to. */
  email: string;
  /** Secret: the API token (basic auth with `email`). */
  apiToken: string;
  /** Project of CREATE_TICKET when the action names none. */
  projectKey: string;
  issueType: string;
  timeoutMs: number;
}

export const JIRA_DEFAULTS: JiraSettings = {
  baseUrl: '',
  email: '',
  apiToken: '',
  projectKey: '',
  issueType: 'Task',
  timeoutMs: 10_000,
};

/** Every Mini-SOAR issue carries this label, and `minisoar-<actionId>` for idempotency. */
export const JIRA_LABEL = 'minisoar';
const AUTH_HEADER = 'Authorization';

export function jiraSettings(
  config: Pick<IntegrationConfig, 'settings' | 'secrets'>,
): JiraSettings {
  const settings = readSettings(JIRA_DEFAULTS, config);
  requireSettings(settings, ['baseUrl', 'email', 'apiToken', 'projectKey', 'issueType']);
  checkHttpUrl('baseUrl', settings.baseUrl);
  return { ...settings, baseUrl: settings.baseUrl.replace(/\/+$/, '') };
}

export function actionLabel(actionId: string): string {
  return `${JIRA_LABEL}-${actionId}`;
}

/**
 * CREATE_TICKET: a Jira Cloud issue (REST v3) in the target project (or `projectKey`), the
 * description in ADF. Idempotent: the issue is labelled `minisoar-<actionId>`, and every run
 * first searches for that label (GET /rest/api/3/search/jql), returning the issue an earlier
 * attempt created instead of creating another. Output `{key, url}` for the case.
 */
export class JiraResponder implements Responder {
  readonly name = 'jira';
  readonly actionTypes = [ActionType.CREATE_TICKET];
  private readonly headers: Record<string, string>;

  constructor(private readonly settings: JiraSettings) {
    const basic = Buffer.from(`${settings.email}:${settings.apiToken}`).toString('base64');
    this.headers = { [AUTH_HEADER]: `Basic ${basic}`, Accept: 'application/json' };
  }

  async execute(request: ResponderRequest): Promise<ResponderResult> {
    const project = targetOrDefault(this.name, request.target, this.settings.projectKey, 'project');
    const create = this.createCall(request, project);
    const effect = httpEffect(create, { headers: [AUTH_HEADER] });
    if (request.mode !== ResponderMode.Live) return { output: { project }, effects: [effect] };
    const existing = await this.findByLabel(actionLabel(request.actionId), request.signal);
    if (existing) return { output: this.issueOutput(existing), effects: [], alreadyDone: true };
    const answer = await this.send(create, request.signal);
    if (answer.status !== 201 && answer.status !== 200) {
      throw statusError(this.name, create.label, answer.status, jiraErrors(answer.body));
    }
    const key = isJsonObject(answer.body) ? answer.body.key : undefined;
    if (typeof key !== 'string') {
      throw new ResponderError(this.name, `${create.label}: the answer names no issue key`, true);
    }
    return { output: this.issueOutput(key), effects: [effect] };
  }

  /** GET /rest/api/3/myself: proves the site, the email and the token. */
  async testConnection(): Promise<{ ok: boolean; detail: string }> {
    const call = this.get('/rest/api/3/myself');
    const answer = await this.send(call);
    if (answer.status !== 200) throw statusError(this.name, call.label, answer.status);
    const name = isJsonObject(answer.body) ? answer.body.displayName : undefined;
    return { ok: true, detail: `authenticated as ${typeof name === 'string' ? name : 'unknown'}` };
  }

  private createCall(request: ResponderRequest, project: string): HttpCall {
    const note = describeRequest(request);
    const summary =
      typeof request.params.summary === 'string' ? request.params.summary : note.title;
    return {
      method: 'POST',
      url: `${this.settings.baseUrl}/rest/api/3/issue`,
      headers: this.headers,
      label: 'Jira POST /rest/api/3/issue',
      body: {
        fields: {
          project: { key: project },
          issuetype: { name: this.settings.issueType },
          // Jira refuses summaries over 255 characters or with line breaks.
          summary: clip(summary.replace(/[\r\n]+/g, ' '), 255),
          description: adfDescription(note),
          labels: [JIRA_LABEL, actionLabel(request.actionId)],
        },
      },
    };
  }

  private async findByLabel(label: string, signal?: AbortSignal): Promise<string | undefined> {
    const query = new URLSearchParams({
      jql: `labels = "${label}"`,
      fields: 'key',
      maxResults: '1',
    });
    const call = this.get(`/rest/api/3/search/jql?${query.toString()}`);
    const answer = await this.send(call, signal);
    if (answer.status !== 200)
      throw statusError(this.name, 'Jira GET /rest/api/3/search/jql', answer.status);
    const issues = isJsonObject(answer.body) ? answer.body.issues : undefined;
    const first = Array.isArray(issues) ? issues[0] : undefined;
    return isJsonObject(first) && typeof first.key === 'string' ? first.key : undefined;
  }

  private get(path: string): HttpCall {
    const label = `Jira GET ${path.split('?')[0]}`;
    return { method: 'GET', url: `${this.settings.baseUrl}${path}`, headers: this.headers, label };
  }

  private send(call: HttpCall, signal?: AbortSignal): Promise<HttpAnswer> {
    return sendHttp(this.name, call, { timeoutMs: this.settings.timeoutMs, signal });
  }

  private issueOutput(key: string): { key: string; url: string } {
    return { key, url: `${this.settings.baseUrl}/browse/${encodeURIComponent(key)}` };
  }
}

/** Jira's own words for a refused request: `errorMessages` and per-field `errors`. */
function jiraErrors(body: unknown): string | undefined {
  if (!isJsonObject(body)) return undefined;
  const messages = Array.isArray(body.errorMessages)
    ? body.errorMessages.map((m) => (typeof m === 'string' ? m : JSON.stringify(m)))
    : [];
  const fields = isJsonObject(body.errors)
    ? Object.entries(body.errors).map(
        ([field, message]) =>
          `${field}: ${typeof message === 'string' ? message : JSON.stringify(message)}`,
      )
    : [];
  const all = [...messages, ...fields];
  return all.length > 0 ? clip(all.join('; '), 500) : undefined;
}

export const JIRA_RESPONDER = defineResponder<JiraSettings>({
  name: 'jira',
  actionTypes: [ActionType.CREATE_TICKET],
  defaults: JIRA_DEFAULTS,
  secretKeys: ['apiToken'],
  settings: jiraSettings,
  build: (settings) => new JiraResponder(settings),
});
