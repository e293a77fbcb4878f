import { Injectable, Logger } from '@nestjs/common';
import {
  enrichmentCacheHits,
  enrichmentCalls,
  enrichmentErrors,
  recordBreakerState,
} from '../../common/telemetry/telemetry';
import { storableJsonValue } from '../../common/types/storable-json';
import { EnrichmentCache } from './enrichment-cache';
import { EnrichmentRepository, type ResultRow } from './enrichment.repository';
import type {
  EnrichmentFailure,
  EnrichmentFailureKind,
  EnrichmentObservable,
  EnrichmentOutcome,
  EnrichmentResultView,
  EnrichOptions,
} from './enrichment.types';
import { planLookups, type PlannedLookup } from './lookup-plan';
import { ProviderPool, type ActiveProvider } from './provider-pool';
import { isProviderError } from './providers/provider.errors';
import type { ProviderResult } from './providers/provider.types';

/** Bounds one lookup, retries and Retry-After waits included, so a worker never stalls on a vendor. */
export const LOOKUP_DEADLINE_MS = 30_000;

type Lookup = PlannedLookup<ActiveProvider>;
type LookupOutcome = { result: ProviderResult } | { failure: EnrichmentFailureKind };

/**
 * Threat-intel enrichment of an alert's observables: cache first (memory, then the shared
 * table), the provider only on a miss, one stored result per (observable, provider).
 * Idempotent, and a failing provider never makes it throw: the outcome is `partial`.
 */
@Injectable()
export class EnrichmentService {
  private readonly logger = new Logger(EnrichmentService.name);
  /** Concurrent alerts asking about the same indicator share one vendor call. */
  private readonly inFlight = new Map<string, Promise<LookupOutcome>>();

  constructor(
    private readonly pool: ProviderPool,
    private readonly cache: EnrichmentCache,
    private readonly repository: EnrichmentRepository,
  ) {}

  async enrichAlert(
    alertId: string,
    observables: readonly EnrichmentObservable[],
    options: EnrichOptions = {},
  ): Promise<EnrichmentOutcome> {
    const lookups = planLookups(observables, await this.pool.active());
    if (lookups.length === 0) return { results: [], partial: false, failures: [] };
    const cached = await this.cache.getMany(
      lookups.filter((lookup) => lookup.entry.cacheTtlSeconds > 0).map((lookup) => lookup.key),
    );
    const outcomes = await Promise.all(
      lookups.map((lookup): Promise<LookupOutcome> => {
        const hit = cached.get(lookup.keyText);
        if (!hit) return this.lookupShared(lookup, options.signal);
        enrichmentCacheHits.inc({ provider: lookup.entry.name });
        return Promise.resolve({ result: hit });
      }),
    );
    const rows: ResultRow[] = [];
    const failures: EnrichmentFailure[] = [];
    outcomes.forEach((outcome, i) => {
      const { observable, entry } = lookups[i];
      if ('result' in outcome)
        rows.push({ observableId: observable.id, result: labelled(outcome.result) });
      else
        failures.push({ observableId: observable.id, provider: entry.name, kind: outcome.failure });
    });
    await this.repository.saveResults(rows);
    if (failures.length > 0) {
      const summary = failures.map((f) => `${f.provider}:${f.kind}`).join(', ');
      this.logger.warn(`Enrichment of alert ${alertId} is partial (${summary})`);
    }
    return { results: rows.map(toResultView), partial: failures.length > 0, failures };
  }

  private lookupShared(lookup: Lookup, signal?: AbortSignal): Promise<LookupOutcome> {
    let pending = this.inFlight.get(lookup.keyText);
    if (!pending) {
      pending = this.lookup(lookup, signal).finally(() => this.inFlight.delete(lookup.keyText));
      this.inFlight.set(lookup.keyText, pending);
    }
    return pending;
  }

  private async lookup(lookup: Lookup, signal?: AbortSignal): Promise<LookupOutcome> {
    const { entry, observable } = lookup;
    const deadline = AbortSignal.timeout(LOOKUP_DEADLINE_MS);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    enrichmentCalls.inc({ provider: entry.name });
    try {
      const result = storable(
        await entry.provider.lookup({ type: observable.type, value: observable.value }, combined, {
          maxWaitMs: entry.maxWaitMs,
        }),
      );
      await this.cache.put(lookup.key, result, entry.cacheTtlSeconds);
      return { result };
    } catch (error) {
      const failure = failureKind(error, signal);
      enrichmentErrors.inc({ provider: entry.name, kind: failure });
      if (failure === 'internal') {
        this.logger.error(`Provider ${entry.name} failed unexpectedly: ${String(error)}`);
      }
      return { failure };
    } finally {
      recordBreakerState(entry.name, entry.provider.circuitState);
    }
  }
}

function failureKind(error: unknown, signal?: AbortSignal): EnrichmentFailureKind {
  if (isProviderError(error)) return error.kind;
  if (signal?.aborted) return 'aborted';
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'TimeoutError') return 'timeout';
  return name === 'AbortError' ? 'aborted' : 'internal';
}

/** Vendor text may hold characters PostgreSQL cannot store; one odd answer must not fail the alert. */
function storable(result: ProviderResult): ProviderResult {
  const { summary, details, raw } = result;
  return {
    ...result,
    summary: storableJsonValue(summary),
    details: storableJsonValue(details),
    raw: storableJsonValue(raw),
  };
}

/** Demo verdicts are labelled whatever the provider says about itself. */
function labelled(result: ProviderResult): ProviderResult {
  return result.provider === 'mock' && !result.mock ? { ...result, mock: true } : result;
}

function toResultView({ observableId, result }: ResultRow): EnrichmentResultView {
  const { provider, verdict, reputationScore, summary, details, mock, queriedAt } = result;
  return { observableId, provider, verdict, reputationScore, summary, details, mock, queriedAt };
}
