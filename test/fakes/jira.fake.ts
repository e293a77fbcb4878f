import type { FakeReply } from './fake-vendor.server';
import { RecordingServer, type RecordedRequest, type RouteReply } from './recording.server';

export interface JiraIssue {
  id: string;
  key: string;
  fields: Record<string, unknown>;
}

const LABEL_JQL = /^labels\s*=\s*"([^"]+)"$/;

/**
 * Jira Cloud REST v3 on 127.0.0.1: basic auth (email:apiToken), POST /rest/api/3/issue with
 * the checks Jira makes (known project and issue type, ADF description, summary rules),
 * GET /rest/api/3/search/jql for `labels = "..."`, GET /rest/api/3/myself, and the removed
 * GET /rest/api/3/search answering 410 as Jira Cloud now does.
 */
export class JiraFake extends RecordingServer {
  email = 'soc-bot@example.com';
  apiToken = 'jira-test-token';
  readonly projects = new Set(['SOC', 'SEC']);
  readonly issueTypes = new Set(['Task', 'Bug', 'Incident']);
  readonly issues: JiraIssue[] = [];
  private loseNextCreate = false;

  /** The jira integration's settings pointing at this fake (project SOC, type Task). */
  settings(): Record<string, string> {
    const { url: baseUrl, email, apiToken } = this;
    return { baseUrl, email, apiToken, projectKey: 'SOC', issueType: 'Task' };
  }

  get creates(): RecordedRequest[] {
    return this.requestsTo('/rest/api/3/issue');
  }

  get searches(): RecordedRequest[] {
    return this.requestsTo('/rest/api/3/search/jql');
  }

  /** The next create succeeds, but its answer is lost (the connection drops). */
  loseNextCreateAnswer(): this {
    this.loseNextCreate = true;
    return this;
  }

  protected route(request: RecordedRequest): RouteReply {
    const expected = `Basic ${Buffer.from(`${this.email}:${this.apiToken}`).toString('base64')}`;
    if (request.headers.authorization !== expected) {
      return {
        status: 401,
        body: {
          errorMessages: ['Client must be authenticated to access this resource.'],
          errors: {},
        },
      };
    }
    const where = `${request.method} ${request.path}`;
    if (where === 'GET /rest/api/3/myself') {
      return {
        status: 200,
        body: {
          accountId: '5b10a2844c20165700ede21g',
          emailAddress: this.email,
          displayName: 'SOC Bot',
          active: true,
        },
      };
    }
    if (where === 'POST /rest/api/3/issue') return this.create(request);
    if (where === 'GET /rest/api/3/search/jql') return this.search(request);
    if (request.path === '/rest/api/3/search') {
      return {
        status: 410,
        body: {
          errorMessages: [
            'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.',
          ],
        },
      };
    }
    return { status: 404, body: { errorMessages: ['Not found'] } };
  }

  private create(request: RecordedRequest): RouteReply {
    const fields = ((request.body ?? {}) as { fields?: Record<string, unknown> }).fields ?? {};
    const errors = this.fieldErrors(fields);
    if (Object.keys(errors).length > 0) return { status: 400, body: { errorMessages: [], errors } };
    const project = (fields.project as { key: string }).key;
    const id = String(10_000 + this.issues.length);
    const key = `${project}-${this.issues.filter((i) => i.key.startsWith(`${project}-`)).length + 1}`;
    this.issues.push({ id, key, fields });
    if (this.loseNextCreate) {
      this.loseNextCreate = false;
      return 'drop';
    }
    return { status: 201, body: { id, key, self: `${this.url}/rest/api/3/issue/${id}` } };
  }

  private fieldErrors(fields: Record<string, unknown>): Record<string, string> {
    const errors: Record<string, string> = {};
    const project = (fields.project as { key?: unknown } | undefined)?.key;
    if (typeof project !== 'string' || !this.projects.has(project))
      errors.project = 'valid project is required';
    const type = (fields.issuetype as { name?: unknown } | undefined)?.name;
    if (typeof type !== 'string' || !this.issueTypes.has(type))
      errors.issuetype = 'Specify a valid issue type';
    const summary = fields.summary;
    if (typeof summary !== 'string' || summary.trim() === '')
      errors.summary = 'You must specify a summary of the issue.';
    else if (summary.length > 255 || /[\r\n]/.test(summary))
      errors.summary = 'Summary must be less than 255 characters and a single line.';
    const description = fields.description as { type?: unknown; version?: unknown } | undefined;
    if (description !== undefined && (description.type !== 'doc' || description.version !== 1)) {
      errors.description =
        'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
    }
    const labels = fields.labels;
    if (
      labels !== undefined &&
      (!Array.isArray(labels) || labels.some((l) => typeof l !== 'string' || /\s/.test(l)))
    ) {
      errors.labels = 'Labels cannot contain spaces';
    }
    return errors;
  }

  private search(request: RecordedRequest): FakeReply {
    const match = LABEL_JQL.exec(request.query.get('jql') ?? '');
    if (!match)
      return {
        status: 400,
        body: { errorMessages: ['This fake only understands labels = "..."'] },
      };
    const max = Number(request.query.get('maxResults') ?? 50);
    const issues = this.issues
      .filter((issue) => (issue.fields.labels as string[] | undefined)?.includes(match[1]))
      .slice(0, max)
      .map((issue) => ({
        id: issue.id,
        key: issue.key,
        self: `${this.url}/rest/api/3/issue/${issue.id}`,
      }));
    return { status: 200, body: { issues, isLast: true } };
  }
}
