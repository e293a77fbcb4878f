import { Injectable, Logger } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import type { Indicator } from '../../common/indicators/indicator';
import { EnrichmentRepository, type CacheKey, type CachedAnswer } from './enrichment.repository';
import type { ProviderName, ProviderResult } from './providers/provider.types';

const MEMORY_ENTRIES = 20_000;
/** Raw vendor answers can be large (VirusTotal file reports): bound the memory by size too. */
const MEMORY_BYTES = 64 * 1024 * 1024;
const PURGE_INTERVAL_MS = 60 * 60 * 1000;
const CASE_INSENSITIVE = new Set(['domain', 'email', 'md5', 'sha1', 'sha256']);

/** The cache identity of an indicator: case only matters where the vendor cares (URLs). */
export function cacheKeyOf(provider: ProviderName, indicator: Indicator): CacheKey {
  const value = indicator.value.trim();
  return {
    provider,
    type: indicator.type,
    value: CASE_INSENSITIVE.has(indicator.type) ? value.toLowerCase() : value,
  };
}

export function cacheKeyText(key: CacheKey): string {
  return `${key.provider}\u0000${key.type}\u0000${key.value}`;
}

/**
 * Two tiers: an in-process LRU in front of the `enrichment_cache` table that every worker
 * shares, so an indicator is asked of a vendor once per TTL across the whole deployment.
 */
@Injectable()
export class EnrichmentCache {
  private readonly logger = new Logger(EnrichmentCache.name);
  private readonly memory = new LRUCache<string, CachedAnswer>({
    max: MEMORY_ENTRIES,
    maxSize: MEMORY_BYTES,
    sizeCalculation: (answer) => approximateSize(answer.result),
  });
  private lastPurge = 0;

  constructor(private readonly repository: EnrichmentRepository) {}

  /** Unexpired answers for these keys, by `cacheKeyText`. */
  async getMany(keys: readonly CacheKey[]): Promise<Map<string, ProviderResult>> {
    const found = new Map<string, ProviderResult>();
    const misses: CacheKey[] = [];
    for (const key of keys) {
      const answer = this.memory.get(cacheKeyText(key));
      if (answer) found.set(cacheKeyText(key), answer.result);
      else misses.push(key);
    }
    const now = new Date();
    for (const answer of await this.repository.findCached(misses, now)) {
      const text = cacheKeyText(answer.key);
      found.set(text, answer.result);
      this.remember(text, answer, now.getTime());
    }
    this.purgeNowAndThen(now);
    return found;
  }

  /** A failed database write only costs a repeat lookup later, so it is logged, not thrown. */
  async put(key: CacheKey, result: ProviderResult, ttlSeconds: number): Promise<void> {
    if (ttlSeconds <= 0) return;
    const now = Date.now();
    const answer = { key, result, expiresAt: new Date(now + ttlSeconds * 1000) };
    this.remember(cacheKeyText(key), answer, now);
    try {
      await this.repository.writeCached(key, result, answer.expiresAt);
    } catch (error) {
      this.logger.warn(`Could not store a ${key.provider} answer in the cache: ${String(error)}`);
    }
  }

  /** Forgets the in-process tier only (the shared table stays). */
  clearMemory(): void {
    this.memory.clear();
  }

  private remember(text: string, answer: CachedAnswer, now: number): void {
    const ttl = answer.expiresAt.getTime() - now;
    if (ttl > 0) this.memory.set(text, answer, { ttl });
  }

  private purgeNowAndThen(now: Date): void {
    if (now.getTime() - this.lastPurge < PURGE_INTERVAL_MS) return;
    this.lastPurge = now.getTime();
    this.repository
      .purgeExpired(now)
      .catch((error: unknown) => this.logger.warn(`Cache purge failed: ${String(error)}`));
  }
}

function approximateSize(result: ProviderResult): number {
  return 256 + JSON.stringify(result.details).length + (JSON.stringify(result.raw) ?? '').length;
}
