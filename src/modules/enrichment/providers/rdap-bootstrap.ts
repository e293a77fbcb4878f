import { readFile, stat } from 'node:fs/promises';
import ipaddr from 'ipaddr.js';
import { asArray, asRecord } from './json-shape';
import { ProviderError } from './provider.errors';

export type BootstrapRegistry = 'dns' | 'ipv4' | 'ipv6';

/** One RFC 9224 service: the entries (TLDs or CIDRs) and the RDAP base URLs serving them. */
export type BootstrapService = [entries: string[], urls: string[]];

export type BootstrapLoader = (location: string, signal?: AbortSignal) => Promise<unknown>;

const MAX_FILE_BYTES = 10 * 1024 * 1024;
const FAILURE_BACKOFF_MS = 60_000;

interface CacheEntry {
  services: BootstrapService[];
  loadedAt: number;
}

/** IANA bootstrap registries (dns.json, ipv4.json, ipv6.json), loaded lazily and cached. */
export class RdapBootstrap {
  private readonly cache = new Map<BootstrapRegistry, CacheEntry>();
  private readonly failedAt = new Map<BootstrapRegistry, number>();

  constructor(
    private readonly locations: Record<BootstrapRegistry, string>,
    private readonly fetchJson: BootstrapLoader,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** The RDAP base URL for a domain or IP, or undefined when the registry has none. */
  async serverFor(registry: BootstrapRegistry, value: string, signal?: AbortSignal) {
    const services = await this.services(registry, signal);
    if (!services) return undefined;
    return registry === 'dns' ? matchDomain(services, value) : matchIp(services, value);
  }

  private async services(registry: BootstrapRegistry, signal?: AbortSignal) {
    const cached = this.cache.get(registry);
    const now = this.now();
    if (cached && now - cached.loadedAt < this.ttlMs) return cached.services;
    if (now - (this.failedAt.get(registry) ?? -Infinity) < FAILURE_BACKOFF_MS)
      return cached?.services;
    try {
      const location = this.locations[registry];
      const body = isUrl(location)
        ? await this.fetchJson(location, signal)
        : await readJsonFile(location);
      const services = parseBootstrap(body);
      this.cache.set(registry, { services, loadedAt: now });
      return services;
    } catch (error) {
      if (signal?.aborted) throw error;
      // A stale registry beats none; without one the provider falls back to its baseUrl.
      this.failedAt.set(registry, now);
      return cached?.services;
    }
  }
}

export function parseBootstrap(body: unknown): BootstrapService[] {
  const services = asRecord(body)?.services;
  if (!Array.isArray(services)) {
    throw new ProviderError('rdap', 'bad_response', 'bootstrap file has no services array');
  }
  return services.flatMap((service): BootstrapService[] => {
    const [entries, urls] = asArray(service).map((part) =>
      asArray(part).filter((item): item is string => typeof item === 'string'),
    );
    return entries && urls && urls.length > 0 ? [[entries.map((e) => e.toLowerCase()), urls]] : [];
  });
}

/** Longest label-wise suffix match (RFC 9224 section 4). */
export function matchDomain(services: BootstrapService[], domain: string): string | undefined {
  const labels = domain.toLowerCase().replace(/\.$/, '').split('.');
  for (let start = 0; start < labels.length; start++) {
    const suffix = labels.slice(start).join('.');
    const service = services.find(([entries]) => entries.includes(suffix));
    if (service) return preferHttps(service[1]);
  }
  return undefined;
}

/** Longest-prefix CIDR match (RFC 9224 section 5). */
export function matchIp(services: BootstrapService[], ip: string): string | undefined {
  if (!ipaddr.isValid(ip)) return undefined;
  const address = ipaddr.parse(ip);
  let best: { prefix: number; urls: string[] } | undefined;
  for (const [entries, urls] of services) {
    for (const entry of entries) {
      if (!ipaddr.isValidCIDR(entry)) continue;
      const range = ipaddr.parseCIDR(entry);
      if (range[0].kind() !== address.kind() || !address.match(range)) continue;
      if (!best || range[1] > best.prefix) best = { prefix: range[1], urls };
    }
  }
  return best && preferHttps(best.urls);
}

function preferHttps(urls: string[]): string | undefined {
  return urls.find((url) => url.startsWith('https://')) ?? urls[0];
}

export function isUrl(location: string): boolean {
  return /^https?:\/\//i.test(location);
}

async function readJsonFile(path: string): Promise<unknown> {
  const info = await stat(path);
  if (info.size > MAX_FILE_BYTES)
    throw new RangeError(`${path} is larger than ${MAX_FILE_BYTES} bytes`);
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}
