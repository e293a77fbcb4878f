import type { Indicator } from '../../common/indicators/indicator';
import { cacheKeyOf, cacheKeyText } from './enrichment-cache';
import type { CacheKey } from './enrichment.repository';
import type { EnrichmentObservable } from './enrichment.types';
import type { ProviderName } from './providers/provider.types';

export interface PlannableProvider {
  name: ProviderName;
  supports(type: Indicator['type']): boolean;
}

export interface PlannedLookup<P extends { provider: PlannableProvider }> {
  observable: EnrichmentObservable;
  entry: P;
  key: CacheKey;
  keyText: string;
}

/**
 * One lookup per (observable, provider that supports its type). Internal and allow-listed
 * observables never leave the building; local providers skip them too, so every provider
 * sees the same set.
 */
export function planLookups<P extends { provider: PlannableProvider }>(
  observables: readonly EnrichmentObservable[],
  entries: readonly P[],
): PlannedLookup<P>[] {
  return observables
    .filter((observable) => !observable.internal && !observable.allowlisted)
    .flatMap((observable) =>
      entries
        .filter((entry) => entry.provider.supports(observable.type))
        .map((entry) => {
          const key = cacheKeyOf(entry.provider.name, observable);
          return { observable, entry, key, keyText: cacheKeyText(key) };
        }),
    );
}
