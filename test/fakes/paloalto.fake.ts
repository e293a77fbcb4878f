import { RecordingServer, type RecordedRequest, type RouteReply } from './recording.server';

interface PanConfig {
  /** Address objects: name -> their XML element. */
  addresses: Map<string, string>;
  /** Static address groups: name -> member names. */
  groups: Map<string, Set<string>>;
}

const VSYS = "/config/devices/entry[@name='localhost.localdomain']/vsys/entry[@name='vsys1']";
const ADDRESS = /^\/address\/entry\[@name='([^']+)'\]$/;
const GROUP = /^\/address-group\/entry\[@name='([^']+)'\]$/;
const GROUP_STATIC = /^\/address-group\/entry\[@name='([^']+)'\]\/static$/;
const GROUP_MEMBER =
  /^\/address-group\/entry\[@name='([^']+)'\]\/static\/member\[text\(\)='([^']+)'\]$/;

const xml = (status: number, body: string): RouteReply => ({
  status,
  body: body,
  contentType: 'application/xml',
});
const success = (result: string, code?: number) =>
  xml(
    200,
    `<response status="success"${code ? ` code="${code}"` : ''}><result>${result}</result></response>`,
  );
const error = (code: number, msg: string, status = 200) =>
  xml(status, `<response status="error" code="${code}"><msg><line>${msg}</line></msg></response>`);

/**
 * A PAN-OS firewall's XML API on 127.0.0.1 (POST /api/, form parameters, X-PAN-KEY): a
 * candidate and a running configuration of address objects and static address groups in
 * vsys1; `type=config` get (candidate), show (running), set and delete; `type=commit` copies
 * the candidate to running; `type=op` show system info.
 */
export class PaloAltoFake extends RecordingServer {
  apiKey = 'pan-test-key';
  readonly candidate: PanConfig = { addresses: new Map(), groups: new Map() };
  running: PanConfig = { addresses: new Map(), groups: new Map() };
  commits = 0;

  /** A group present in both configurations, as an admin would have made it. */
  withGroup(name: string, members: string[] = []): this {
    this.candidate.groups.set(name, new Set(members));
    this.copyToRunning();
    return this;
  }

  get params(): Array<Record<string, string>> {
    return this.requests.map((request) => request.body as Record<string, string>);
  }

  protected route(request: RecordedRequest): RouteReply {
    if (request.method !== 'POST' || request.path !== '/api/')
      return error(400, 'unknown route', 404);
    if (request.headers['x-pan-key'] !== this.apiKey) return error(403, 'Invalid credential', 403);
    const params = (request.body ?? {}) as Record<string, string>;
    if (params.type === 'op' && params.cmd === '<show><system><info></info></system></show>') {
      return success(
        '<system><hostname>fake-pa</hostname><sw-version>11.1.2</sw-version></system>',
      );
    }
    if (params.type === 'commit' && params.cmd === '<commit></commit>') {
      this.commit();
      return success('<msg><line>Commit job enqueued with jobid 7</line></msg><job>7</job>', 19);
    }
    if (params.type !== 'config' || !params.xpath?.startsWith(VSYS))
      return error(17, 'Invalid request');
    const path = params.xpath.slice(VSYS.length);
    switch (params.action) {
      case 'get':
        return this.read(this.candidate, path);
      case 'show':
        return this.read(this.running, path);
      case 'set':
        return this.set(path, params.element ?? '');
      case 'delete':
        return this.delete(path);
      default:
        return error(17, `Invalid action ${params.action}`);
    }
  }

  private read(config: PanConfig, path: string): RouteReply {
    const address = ADDRESS.exec(path)?.[1];
    if (address !== undefined) {
      const element = config.addresses.get(address);
      return element === undefined
        ? success('', 7)
        : success(`<entry name="${address}">${element}</entry>`);
    }
    const group = GROUP.exec(path)?.[1];
    const members = group === undefined ? undefined : config.groups.get(group);
    if (group === undefined || members === undefined) return success('', 7);
    const list = [...members].map((member) => `<member>${member}</member>`).join('');
    return success(`<entry name="${group}"><static>${list}</static></entry>`);
  }

  private set(path: string, element: string): RouteReply {
    const address = ADDRESS.exec(path)?.[1];
    if (address !== undefined) {
      if (!/^<ip-netmask>[^<]+<\/ip-netmask>/.test(element)) return error(12, 'Invalid element');
      this.candidate.addresses.set(address, element);
      return success('', 20);
    }
    const group = GROUP_STATIC.exec(path)?.[1];
    const member = /^<member>([^<]+)<\/member>$/.exec(element)?.[1];
    if (group === undefined || member === undefined) return error(12, 'Invalid object');
    if (!this.candidate.addresses.has(member))
      return error(12, `${member} is not a valid reference`);
    const members = this.candidate.groups.get(group) ?? new Set<string>();
    members.add(member);
    this.candidate.groups.set(group, members);
    return success('', 20);
  }

  private delete(path: string): RouteReply {
    const membership = GROUP_MEMBER.exec(path);
    if (membership) {
      this.candidate.groups.get(membership[1])?.delete(membership[2]);
      return success('', 20);
    }
    const address = ADDRESS.exec(path)?.[1];
    if (address === undefined) return error(12, 'Invalid object');
    const inUse = [...this.candidate.groups.values()].some((members) => members.has(address));
    if (inUse) return error(12, `${address} cannot be deleted because of references`);
    this.candidate.addresses.delete(address);
    return success('', 20);
  }

  private commit(): void {
    this.commits += 1;
    this.copyToRunning();
  }

  private copyToRunning(): void {
    this.running = {
      addresses: new Map(this.candidate.addresses),
      groups: new Map(
        [...this.candidate.groups].map(([name, members]) => [name, new Set(members)]),
      ),
    };
  }
}
