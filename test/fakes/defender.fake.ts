import { RecordingServer, type RecordedRequest, type RouteReply } from './recording.server';

export interface DefenderMachine {
  id: string;
  computerDnsName: string;
}

export interface DefenderMachineAction {
  id: string;
  type: string;
  scope: string;
  status: string;
  machineId: string;
  computerDnsName: string;
  requestorComment: string;
  creationDateTimeUtc: string;
}

export const DEFENDER_TOKEN_PATH = '/tenant-id/oauth2/v2.0/token';
const EQ = (field: string) => new RegExp(`^${field} eq '((?:[^']|'')*)'$`);
const ISOLATE = /^\/api\/machines\/([^/]+)\/isolate$/;
const error = (status: number, code: string, message: string): RouteReply => ({
  status,
  body: { error: { code, message, target: 'fake' } },
});

/**
 * Microsoft Defender for Endpoint on 127.0.0.1 with its Entra ID token endpoint: client
 * credentials for the securitycenter scope, GET /api/machines ($filter computerDnsName eq,
 * $top), GET /api/machineactions ($filter machineId eq) and POST /api/machines/{id}/isolate
 * (400 ActiveRequestAlreadyExists while an isolation is pending, as Defender does).
 */
export class DefenderFake extends RecordingServer {
  clientId = 'def-client';
  clientSecret = 'def-secret';
  readonly machines: DefenderMachine[] = [];
  readonly actions: DefenderMachineAction[] = [];
  private readonly tokens = new Set<string>();

  get tokenUrl(): string {
    return `${this.url}${DEFENDER_TOKEN_PATH}`;
  }

  addMachine(computerDnsName: string): string {
    const id = `${(this.machines.length + 1).toString(16).padStart(8, '0')}a3250e0693a109f1affc9217be9459028`;
    this.machines.push({ id, computerDnsName });
    return id;
  }

  get isolateRequests(): RecordedRequest[] {
    return this.requests.filter((r) => ISOLATE.test(r.path));
  }

  protected route(request: RecordedRequest): RouteReply {
    if (request.method === 'POST' && request.path === DEFENDER_TOKEN_PATH)
      return this.token(request);
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!this.tokens.has(token)) return error(401, 'Unauthorized', 'Invalid token');
    const filter = request.query.get('$filter');
    if (request.method === 'GET' && request.path === '/api/machines') {
      const name = filter === null ? undefined : EQ('computerDnsName').exec(filter)?.[1];
      if (filter !== null && name === undefined)
        return error(400, 'InvalidRequestBody', 'bad $filter');
      const wanted = name?.replace(/''/g, "'").toLowerCase();
      const found = this.machines.filter(
        (m) => wanted === undefined || m.computerDnsName.toLowerCase() === wanted,
      );
      const top = Number(request.query.get('$top') ?? 10_000);
      return {
        status: 200,
        body: { '@odata.context': 'fake/$metadata#Machines', value: found.slice(0, top) },
      };
    }
    if (request.method === 'GET' && request.path === '/api/machineactions') {
      const machineId = filter === null ? undefined : EQ('machineId').exec(filter)?.[1];
      const found = this.actions.filter(
        (a) => machineId === undefined || a.machineId === machineId,
      );
      return {
        status: 200,
        body: { '@odata.context': 'fake/$metadata#MachineActions', value: found },
      };
    }
    const isolate = ISOLATE.exec(request.path);
    if (request.method === 'POST' && isolate)
      return this.isolate(decodeURIComponent(isolate[1]), request);
    return error(404, 'NotFound', 'no such route');
  }

  private token(request: RecordedRequest): RouteReply {
    const form = request.body as Record<string, string> | undefined;
    if (
      form?.grant_type !== 'client_credentials' ||
      form.client_id !== this.clientId ||
      form.client_secret !== this.clientSecret ||
      form.scope !== 'https://api.securitycenter.microsoft.com/.default'
    ) {
      return {
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: 'AADSTS7000215: Invalid client secret provided.',
        },
      };
    }
    const token = `def-token-${this.tokens.size + 1}`;
    this.tokens.add(token);
    return {
      status: 200,
      body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token },
    };
  }

  private isolate(machineId: string, request: RecordedRequest): RouteReply {
    const machine = this.machines.find((m) => m.id === machineId);
    if (!machine) return error(404, 'ResourceNotFound', `Machine ${machineId} was not found`);
    const body = request.body as { Comment?: unknown; IsolationType?: unknown } | undefined;
    if (
      typeof body?.Comment !== 'string' ||
      !['Full', 'Selective'].includes(String(body.IsolationType))
    ) {
      return error(400, 'InvalidRequestBody', 'Comment and IsolationType are required');
    }
    if (
      this.actions.some(
        (a) => a.machineId === machineId && a.type === 'Isolate' && a.status === 'Pending',
      )
    ) {
      return error(400, 'ActiveRequestAlreadyExists', 'Action is already in progress');
    }
    const action: DefenderMachineAction = {
      id: `5382f7ea-7557-4ab7-9782-d50480024a4${this.actions.length}`,
      type: 'Isolate',
      scope: String(body.IsolationType),
      status: 'Pending',
      machineId,
      computerDnsName: machine.computerDnsName,
      requestorComment: body.Comment,
      creationDateTimeUtc: new Date(Date.UTC(2026, 0, 1, 0, this.actions.length)).toISOString(),
    };
    this.actions.push(action);
    return { status: 201, body: action };
  }
}
