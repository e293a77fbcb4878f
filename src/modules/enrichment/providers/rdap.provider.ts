import { domainToASCII } from 'node:url';
import { getDomain } from 'tldts';
import type { Indicator, IndicatorType } from '../../../common/indicators/indicator';
import { expectRecord } from './json-shape';
import { ProviderError } from './provider.errors';
import { ProviderHttpClient } from './provider-http.client';
import { bandScore, buildResult, notFoundResult, type ResultFields } from './provider-result';
import { MINUTE_MS } from '../resilience/resilience.defaults';
import { defineProvider } from './provider-definition';
import { withDefaults, type ProviderDeps } from './provider-settings';
import type { EnrichmentProvider, ProviderResult } from './provider.types';
import { RdapBootstrap, type BootstrapRegistry } from './rdap-bootstrap';
import { domainDetails, networkDetails } from './rdap-response';

export interface RdapSettings {
  /** Server asked when the bootstrap has no match (or cannot be loaded); '' = none. */
  baseUrl: string;
  /** Folder path or URL holding dns.json, ipv4.json and ipv6.json. */
  bootstrapBase: string;
  /** Per-registry location (path or URL); '' = `bootstrapBase` + file name. */
  bootstrapDns: string;
  bootstrapIpv4: string;
  bootstrapIpv6: string;
  bootstrapTtlMs: number;
  timeoutMs: number;
  /** A domain registered fewer days ago than this is suspicious. */
  newDomainDays: number;
  maxListItems: number;
}

export const RDAP_DEFAULTS: RdapSettings = {
  baseUrl: 'https://rdap.org/',
  bootstrapBase: 'https://data.iana.org/rdap/',
  bootstrapDns: '',
  bootstrapIpv4: '',
  bootstrapIpv6: '',
  bootstrapTtlMs: 24 * 60 * 60 * 1000,
  timeoutMs: 15_000,
  newDomainDays: 30,
  maxListItems: 10,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** RDAP (RFC 9083) domain and IP network lookups, servers found by IANA bootstrap (RFC 9224). */
export class RdapProvider implements EnrichmentProvider {
  readonly name = 'rdap' as const;
  readonly settings: RdapSettings;
  private readonly http: ProviderHttpClient;
  private readonly bootstrap: RdapBootstrap;
  private readonly now: () => number;

  constructor(settings: Partial<RdapSettings>, deps: ProviderDeps = {}) {
    this.settings = withDefaults(RDAP_DEFAULTS, settings);
    this.now = deps.now ?? Date.now;
    this.http = new ProviderHttpClient(this.name, {
      timeoutMs: this.settings.timeoutMs,
      headers: { Accept: 'application/rdap+json, application/json' },
      now: this.now,
    });
    const { bootstrapBase: base, bootstrapDns, bootstrapIpv4, bootstrapIpv6 } = this.settings;
    const at = (file: string, own: string): string => own || joinLocation(base, file);
    this.bootstrap = new RdapBootstrap(
      {
        dns: at('dns.json', bootstrapDns),
        ipv4: at('ipv4.json', bootstrapIpv4),
        ipv6: at('ipv6.json', bootstrapIpv6),
      },
      async (url, signal) => (await this.http.getJson(url, signal)).body,
      this.settings.bootstrapTtlMs,
      this.now,
    );
  }

  supports(type: IndicatorType): boolean {
    return type === 'domain' || type === 'ipv4' || type === 'ipv6';
  }

  async lookup(indicator: Indicator, signal?: AbortSignal): Promise<ProviderResult> {
    if (!this.supports(indicator.type)) {
      throw new RangeError(`rdap does not look up ${indicator.type}`);
    }
    const isDomain = indicator.type === 'domain';
    const query = isDomain ? registeredDomain(indicator.value) : indicator.value;
    const registry: BootstrapRegistry = isDomain
      ? 'dns'
      : indicator.type === 'ipv6'
        ? 'ipv6'
        : 'ipv4';
    const server =
      (await this.bootstrap.serverFor(registry, query, signal)) ?? this.settings.baseUrl;
    if (!server) throw new ProviderError(this.name, 'unavailable', `no RDAP server for ${query}`);
    // IPv6 colons stay literal: they are legal in a path segment and some servers reject %3A.
    const segment = encodeURIComponent(query).replace(/%3A/gi, ':');
    const url = joinLocation(server, `${isDomain ? 'domain' : 'ip'}/${segment}`);
    const { status, body } = await this.http.getJson(url, signal);
    if (status === 404)
      return notFoundResult(this.name, `${query} not found in RDAP`, body, this.now);
    const record = expectRecord(this.name, body);
    const expected = isDomain ? 'domain' : 'ip network';
    if (record.objectClassName !== expected) {
      throw new ProviderError(this.name, 'bad_response', `expected an RDAP ${expected} object`);
    }
    const fields = isDomain ? this.domainFields(record) : networkFields(record);
    return buildResult(this.name, fields, this.now);
  }

  private domainFields(body: Record<string, unknown>): ResultFields {
    const details = domainDetails(body, this.settings.maxListItems);
    const registered = details.registeredAt ? Date.parse(details.registeredAt) : undefined;
    const ageDays =
      registered === undefined ? undefined : Math.floor((this.now() - registered) / DAY_MS);
    const by = details.registrar ? ` via ${details.registrar}` : '';
    const isNew = ageDays !== undefined && ageDays < this.settings.newDomainDays;
    const summary =
      ageDays === undefined
        ? `registration date unknown${by}`
        : `registered ${ageDays} days ago${by}${isNew ? `: newly registered (under ${this.settings.newDomainDays} days)` : ''}`;
    return {
      verdict: isNew ? 'suspicious' : 'unknown',
      reputationScore: isNew ? bandScore('suspicious', 0) : 0,
      summary,
      details: { ...details, ageDays: ageDays ?? null },
      raw: body,
    };
  }
}

function networkFields(body: Record<string, unknown>): ResultFields {
  const details = networkDetails(body);
  const parts = [details.networkName, details.cidr, details.owner, details.country].filter(Boolean);
  return {
    verdict: 'unknown',
    reputationScore: 0,
    summary: parts.length > 0 ? `network ${parts.join(', ')}` : 'network without a name',
    details: { ...details },
    raw: body,
  };
}

/** RDAP registries answer for registered names, not for hosts below them; IDNs go as A-labels. */
function registeredDomain(value: string): string {
  const ascii = domainToASCII(value.toLowerCase().replace(/\.$/, '')) || value.toLowerCase();
  return getDomain(ascii) ?? ascii;
}

function joinLocation(base: string, relative: string): string {
  return base.endsWith('/') ? `${base}${relative}` : `${base}/${relative}`;
}

export const RDAP_PROVIDER = defineProvider({
  name: 'rdap',
  defaults: RDAP_DEFAULTS,
  secretKeys: [],
  resilience: {
    rateLimit: { capacity: 5, refillTokens: 30, refillIntervalMs: MINUTE_MS },
    maxConcurrent: 2,
  },
  fromEnvironment: ({ rdap }) => ({
    enabled: rdap.enabled || undefined,
    settings: {
      ...(rdap.baseUrl ? { baseUrl: rdap.baseUrl } : {}),
      ...(rdap.bootstrap ? { bootstrapBase: rdap.bootstrap } : {}),
    },
  }),
  create: (settings, deps) => new RdapProvider(settings, deps),
});
