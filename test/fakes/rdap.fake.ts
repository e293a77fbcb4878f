import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FakeVendorServer, type FakeReply, type FakeRequest } from './fake-vendor.server';

export interface RdapDomainRecord {
  registeredAt: string;
  expiresAt: string;
  registrar: string;
  nameservers: string[];
}

export interface RdapNetworkRecord {
  cidr: string;
  name: string;
  owner: string;
  country: string;
}

export interface BootstrapScope {
  tlds: string[];
  ipv4: string[];
  ipv6: string[];
}

const vcard = (fn: string): unknown => [
  'vcard',
  [
    ['version', {}, 'text', '4.0'],
    ['fn', {}, 'text', fn],
  ],
];

/**
 * RDAP server (RFC 9083) under /rdap/ and, for fallback tests, the same records under
 * /fallback/; it also serves the IANA bootstrap files (RFC 9224) pointing at /rdap/.
 * Keys are `domain/<name>` and `ip/<address>`.
 */
export class RdapFake extends FakeVendorServer {
  protected readonly authStatus = 403;
  protected override readonly jsonType = 'application/rdap+json';
  private readonly domains = new Map<string, RdapDomainRecord>();
  private readonly networks = new Map<string, RdapNetworkRecord>();
  private scope: BootstrapScope = { tlds: [], ipv4: [], ipv6: [] };

  setDomain(name: string, record: RdapDomainRecord): this {
    this.domains.set(name, record);
    return this;
  }

  /** Answers for `ip` (the key is the queried address). */
  setNetwork(ip: string, record: RdapNetworkRecord): this {
    this.networks.set(ip, record);
    return this;
  }

  /** The registry file for `registry`, sending the given scope to this server. */
  bootstrap(registry: 'dns' | 'ipv4' | 'ipv6', scope: BootstrapScope = this.scope): unknown {
    const entries = registry === 'dns' ? scope.tlds : scope[registry];
    return {
      version: '1.0',
      publication: '2024-06-01T00:00:00Z',
      description: `RDAP bootstrap file for ${registry} (fake)`,
      services: [
        [['example-unrelated'], ['https://rdap.invalid/unrelated/']],
        [entries, [`${this.url}/rdap/`]],
      ],
    };
  }

  /** Writes dns.json, ipv4.json and ipv6.json into `dir` (and serves the same over HTTP). */
  async writeBootstrap(dir: string, scope: BootstrapScope): Promise<void> {
    this.scope = scope;
    await mkdir(dir, { recursive: true });
    for (const registry of ['dns', 'ipv4', 'ipv6'] as const) {
      await writeFile(
        join(dir, `${registry}.json`),
        JSON.stringify(this.bootstrap(registry, scope)),
      );
    }
  }

  protected keyOf(request: FakeRequest): string | undefined {
    const boot = /^\/bootstrap\/(dns|ipv4|ipv6)\.json$/.exec(request.path);
    if (boot) return `bootstrap/${boot[1]}`;
    const match = /^\/(?:rdap|fallback)\/(domain|ip)\/([^/]+)$/.exec(request.path);
    return match ? `${match[1]}/${decodeURIComponent(match[2]).toLowerCase()}` : undefined;
  }

  protected found(key: string): FakeReply | undefined {
    const [kind, value] = key.split('/') as [string, string];
    if (kind === 'bootstrap') {
      return { status: 200, body: this.bootstrap(value as 'dns'), contentType: 'application/json' };
    }
    const body = kind === 'domain' ? this.domainObject(value) : this.networkObject(value);
    return body === undefined ? undefined : { status: 200, body };
  }

  protected errorBody(status: number, message: string): unknown {
    return {
      rdapConformance: ['rdap_level_0'],
      errorCode: status,
      title: message,
      description: [message],
    };
  }

  private domainObject(name: string): unknown {
    const record = this.domains.get(name);
    if (!record) return undefined;
    return {
      objectClassName: 'domain',
      rdapConformance: ['rdap_level_0'],
      handle: `${name.toUpperCase()}-FAKE`,
      ldhName: name.toUpperCase(),
      status: ['client transfer prohibited'],
      events: [
        { eventAction: 'registration', eventDate: record.registeredAt },
        { eventAction: 'expiration', eventDate: record.expiresAt },
        { eventAction: 'last changed', eventDate: record.registeredAt },
      ],
      entities: [
        {
          objectClassName: 'entity',
          handle: '9999',
          roles: ['registrar'],
          publicIds: [{ type: 'IANA Registrar ID', identifier: '9999' }],
          vcardArray: vcard(record.registrar),
          entities: [
            { objectClassName: 'entity', roles: ['abuse'], vcardArray: vcard('Abuse desk') },
          ],
        },
      ],
      nameservers: record.nameservers.map((ns) => ({
        objectClassName: 'nameserver',
        ldhName: ns.toUpperCase(),
      })),
    };
  }

  private networkObject(ip: string): unknown {
    const record = this.networks.get(ip);
    if (!record) return undefined;
    const [prefix, length] = record.cidr.split('/');
    const v6 = prefix.includes(':');
    return {
      objectClassName: 'ip network',
      rdapConformance: ['rdap_level_0', 'cidr0'],
      handle: `NET-${prefix}-1`,
      startAddress: prefix,
      endAddress: v6 ? `${prefix}ffff` : prefix.replace(/\d+$/, '255'),
      ipVersion: v6 ? 'v6' : 'v4',
      name: record.name,
      type: 'ALLOCATION',
      country: record.country,
      cidr0_cidrs: [{ [v6 ? 'v6prefix' : 'v4prefix']: prefix, length: Number(length) }],
      entities: [
        { objectClassName: 'entity', roles: ['registrant'], vcardArray: vcard(record.owner) },
      ],
    };
  }
}
