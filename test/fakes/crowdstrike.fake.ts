import { RecordingServer, type RecordedRequest, type RouteReply } from './recording.server';

export interface FalconDevice {
  device_id: string;
  hostname: string;
  status: string;
}

const HOSTNAME_FQL = /^hostname:'((?:[^'\\]|\\.)*)'$/;
const error = (status: number, message: string): RouteReply => ({
  status,
  body: { meta: {}, resources: [], errors: [{ code: status, message }] },
});

/**
 * The CrowdStrike Falcon API on 127.0.0.1: OAuth2 client credentials (POST /oauth2/token),
 * Bearer tokens it issued, the device query by FQL `hostname:'...'`, device details with
 * their containment status, and devices-actions/v2?action_name=contain.
 */
export class CrowdStrikeFake extends RecordingServer {
  clientId = 'cs-client';
  clientSecret = 'cs-secret';
  readonly devices: FalconDevice[] = [];
  private readonly tokens = new Set<string>();

  addDevice(hostname: string, status = 'normal'): string {
    const id = `${(this.devices.length + 1).toString(16).padStart(4, '0')}c0ffee00000000000000000000`;
    this.devices.push({ device_id: id, hostname, status });
    return id;
  }

  get containRequests(): RecordedRequest[] {
    return this.requestsTo('/devices/entities/devices-actions/v2');
  }

  protected route(request: RecordedRequest): RouteReply {
    if (request.method === 'POST' && request.path === '/oauth2/token') return this.token(request);
    const token = request.headers.authorization?.replace(/^Bearer /, '') ?? '';
    if (!this.tokens.has(token)) return error(401, 'access denied, authorization failed');
    const where = `${request.method} ${request.path}`;
    if (where === 'GET /devices/queries/devices/v1') return this.query(request.query);
    if (where === 'GET /devices/entities/devices/v2') {
      const ids = request.query.getAll('ids');
      return {
        status: 200,
        body: {
          meta: {},
          resources: this.devices.filter((d) => ids.includes(d.device_id)),
          errors: [],
        },
      };
    }
    if (where === 'POST /devices/entities/devices-actions/v2') return this.act(request);
    return error(404, 'no such route');
  }

  private token(request: RecordedRequest): RouteReply {
    const form = request.body as Record<string, string> | undefined;
    if (form?.client_id !== this.clientId || form.client_secret !== this.clientSecret) {
      return error(403, 'access denied, invalid client');
    }
    const token = `cs-token-${this.tokens.size + 1}`;
    this.tokens.add(token);
    return { status: 201, body: { access_token: token, token_type: 'bearer', expires_in: 1799 } };
  }

  private query(query: URLSearchParams): RouteReply {
    const filter = query.get('filter');
    let found = this.devices;
    if (filter !== null) {
      const match = HOSTNAME_FQL.exec(filter);
      if (!match) return error(400, `invalid filter ${filter}`);
      const hostname = match[1].replace(/\\(.)/g, '$1').toLowerCase();
      found = this.devices.filter((d) => d.hostname.toLowerCase() === hostname);
    }
    const limit = Number(query.get('limit') ?? 100);
    const ids = found.slice(0, limit).map((d) => d.device_id);
    return {
      status: 200,
      body: {
        meta: { pagination: { offset: 0, limit, total: found.length } },
        resources: ids,
        errors: [],
      },
    };
  }

  private act(request: RecordedRequest): RouteReply {
    if (request.query.get('action_name') !== 'contain')
      return error(400, 'unsupported action_name');
    const ids = (request.body as { ids?: unknown } | undefined)?.ids;
    if (!Array.isArray(ids) || ids.length === 0) return error(400, 'ids required');
    const devices = this.devices.filter((d) => ids.includes(d.device_id));
    if (devices.length !== ids.length) return error(404, 'device not found');
    for (const device of devices) device.status = 'containment_pending';
    return {
      status: 202,
      body: {
        meta: {},
        resources: devices.map((d) => ({ id: d.device_id, path: '' })),
        errors: [],
      },
    };
  }
}
