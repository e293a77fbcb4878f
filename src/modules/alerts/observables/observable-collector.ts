import { cleanDomain, isWithinDomains } from '../../../common/indicators/domain-name';
import {
  isInternalIp,
  parseCidrs,
  parseIp,
  type Cidr,
} from '../../../common/indicators/ip-address';
import { STIX_TYPE_BY_INDICATOR, type ExtractedObservable } from './observable.types';
import type { FoundIndicator } from './text-scanner';

const URL_HOST = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/?#@]*@)?(\[[^\]]*\]|[^/?#:]*)/i;

/** Deduplicates indicators in first-appearance order, marks internal ones, stops at a limit. */
export class ObservableCollector {
  private readonly observables = new Map<string, ExtractedObservable>();
  private readonly cidrs: Cidr[];
  private readonly internalDomains: string[];

  constructor(
    internalCidrs: readonly string[],
    internalDomains: readonly string[],
    private readonly limit: number,
  ) {
    this.cidrs = parseCidrs(internalCidrs);
    this.internalDomains = internalDomains.map(cleanDomain).filter((domain) => domain !== '');
  }

  get isFull(): boolean {
    return this.observables.size >= this.limit;
  }

  add({ type, value }: FoundIndicator): void {
    if (this.isFull) return;
    const key = `${type}:${this.identity(type, value)}`;
    if (this.observables.has(key)) return;
    const stixType = STIX_TYPE_BY_INDICATOR[type];
    this.observables.set(key, { type, value, stixType, internal: this.isInternal(type, value) });
  }

  result(): ExtractedObservable[] {
    return [...this.observables.values()];
  }

  private identity(type: FoundIndicator['type'], value: string): string {
    return type === 'ipv6' ? (parseIp(value)?.address.toNormalizedString() ?? value) : value;
  }

  private isInternal(type: FoundIndicator['type'], value: string): boolean {
    switch (type) {
      case 'ipv4':
      case 'ipv6':
        return this.isInternalHost(value);
      case 'domain':
        return isWithinDomains(value, this.internalDomains);
      case 'email':
        return isWithinDomains(value.slice(value.lastIndexOf('@') + 1), this.internalDomains);
      case 'url':
        return this.isInternalHost(URL_HOST.exec(value)?.[1] ?? '');
      default:
        return false;
    }
  }

  private isInternalHost(host: string): boolean {
    const ip = parseIp(host);
    if (ip) return isInternalIp(ip.address, this.cidrs);
    return isWithinDomains(cleanDomain(host), this.internalDomains);
  }
}
