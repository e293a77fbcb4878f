import { RecordingServer, type RecordedRequest, type RouteReply } from './recording.server';

type Table = 'address' | 'address6' | 'addrgrp' | 'addrgrp6';
const CMDB =
  /^\/api\/v2\/cmdb\/firewall\/(address6?|addrgrp6?)(?:\/([^/]+))?(?:\/member(?:\/([^/]+))?)?$/;
const MEMBER_PATH = /\/member(?:\/[^/]+)?$/;

const ok = (extra: Record<string, unknown> = {}): RouteReply => ({
  status: 200,
  body: { http_method: 'POST', status: 'success', http_status: 200, vdom: 'root', ...extra },
});
const fail = (status: number, code: number, cli?: string): RouteReply => ({
  status,
  body: { status: 'error', http_status: status, error: code, ...(cli ? { cli_error: cli } : {}) },
});

/**
 * A FortiGate's REST API on 127.0.0.1 (Bearer token): cmdb/firewall/address(6) objects and
 * addrgrp(6) groups with their member sub-table, answering as FortiOS does (404 for a
 * missing entry, 500 with error -5 for a duplicate), and monitor/system/status.
 */
export class FortiGateFake extends RecordingServer {
  apiToken = 'fgt-test-token';
  readonly tables: Record<Table, Map<string, Record<string, unknown>>> = {
    address: new Map(),
    address6: new Map(),
    addrgrp: new Map(),
    addrgrp6: new Map(),
  };

  withGroup(name: string, members: string[] = [], table: 'addrgrp' | 'addrgrp6' = 'addrgrp'): this {
    this.tables[table].set(name, { name, member: members.map((member) => ({ name: member })) });
    return this;
  }

  members(group: string, table: 'addrgrp' | 'addrgrp6' = 'addrgrp'): string[] {
    const entry = this.tables[table].get(group) as { member?: Array<{ name: string }> } | undefined;
    return (entry?.member ?? []).map((member) => member.name);
  }

  /** The writes received (everything but GETs), as "METHOD path". */
  get writes(): string[] {
    return this.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.path}`);
  }

  protected route(request: RecordedRequest): RouteReply {
    if (request.headers.authorization !== `Bearer ${this.apiToken}`) return fail(401, -1);
    if (request.method === 'GET' && request.path === '/api/v2/monitor/system/status') {
      return {
        status: 200,
        body: {
          status: 'success',
          version: 'v7.4.3',
          serial: 'FGVMEV0000000001',
          results: { hostname: 'fake-fgt' },
        },
      };
    }
    const match = CMDB.exec(request.path);
    if (!match) return fail(404, -3);
    const table = match[1] as Table;
    const name = match[2] === undefined ? undefined : decodeURIComponent(match[2]);
    const member = match[3] === undefined ? undefined : decodeURIComponent(match[3]);
    const memberRoute = MEMBER_PATH.test(request.path);
    if (memberRoute && name !== undefined) return this.memberRoute(request, table, name, member);
    const entries = this.tables[table];
    switch (request.method) {
      case 'GET': {
        const entry = name === undefined ? undefined : entries.get(name);
        return entry
          ? {
              status: 200,
              body: { http_method: 'GET', status: 'success', http_status: 200, results: [entry] },
            }
          : fail(404, -3);
      }
      case 'POST': {
        const body = request.body as Record<string, unknown> | undefined;
        const key = typeof body?.name === 'string' ? body.name : undefined;
        if (name !== undefined || key === undefined) return fail(400, -651);
        if (entries.has(key)) return fail(500, -5, 'entry already exists');
        entries.set(key, { ...body });
        return ok({ mkey: key });
      }
      case 'DELETE': {
        if (name === undefined || !entries.delete(name)) return fail(404, -3);
        return ok();
      }
      default:
        return fail(405, -1);
    }
  }

  private memberRoute(
    request: RecordedRequest,
    table: Table,
    group: string,
    member?: string,
  ): RouteReply {
    const entry = this.tables[table].get(group) as { member: Array<{ name: string }> } | undefined;
    if (!entry) return fail(404, -3);
    if (request.method === 'POST') {
      const name = (request.body as { name?: unknown } | undefined)?.name;
      if (typeof name !== 'string') return fail(400, -651);
      const objects = table === 'addrgrp' ? this.tables.address : this.tables.address6;
      if (!objects.has(name)) return fail(424, -3, 'entry not found in datasource');
      if (entry.member.some((m) => m.name === name)) return fail(500, -5, 'entry already exists');
      entry.member.push({ name });
      return ok({ mkey: name });
    }
    if (request.method === 'DELETE' && member !== undefined) {
      const before = entry.member.length;
      entry.member = entry.member.filter((m) => m.name !== member);
      return entry.member.length < before ? ok() : fail(404, -3);
    }
    return fail(405, -1);
  }
}
